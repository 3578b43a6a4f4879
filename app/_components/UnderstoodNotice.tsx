import Link from 'next/link';
import type { UnderstoodView } from '@/lib/search/view';

/**
 * What the search box was read as ("Showing results for …"): which typed words became which
 * filters, the words searched, and one link to search the query as typed instead.
 */
export function UnderstoodNotice({ understood }: { understood: UnderstoodView }) {
  return (
    <div role="status" className="space-y-1 rounded-md border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-slate-800">
      <p>
        已按筛选条件理解：
        {understood.parts.map((part, index) => (
          <span key={`${part.facet}-${part.written}`}>
            {index > 0 && '；'}“{part.written}”→ {part.facetLabel}：{part.labels.join('、')}
          </span>
        ))}
        {understood.text === '' ? '。' : <>；搜索的词语：“{understood.text}”。</>}
      </p>
      <p>
        <Link href={understood.literalHref} prefetch={false} className="text-accent underline underline-offset-4">
          仍按原文搜索“{understood.typed}”
        </Link>
      </p>
    </div>
  );
}
