import Link from 'next/link';
import type { NoResultsHelp } from '@/lib/search/view';
import { formatCount } from '../_lib/format';

/** Nothing found: say which filter to remove, or what a broader match finds. */
export function NoResults({ q, help }: { q: string; help: NoResultsHelp | null }) {
  const useful = help?.withoutFilter.filter((item) => item.count > 0) ?? [];
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <p className="font-medium">{q ? `没有找到包含“${q}”的内容。` : '没有符合这些条件的内容。'}</p>
      {useful.length > 0 || help?.anyWord ? (
        <ul className="list-disc space-y-1 pl-6">
          {useful.map((item) => (
            <li key={item.facet}>
              <Link href={item.href} prefetch={false} className="text-accent underline underline-offset-4">
                去掉“{item.facetLabel}：{item.labels.join('、')}”
              </Link>
              ，可找到 {formatCount(item.count)} 条。
            </li>
          ))}
          {help?.anyWord && (
            <li>
              <Link href={help.anyWord.href} prefetch={false} className="text-accent underline underline-offset-4">
                不要求包含全部词语
              </Link>
              ，可找到 {formatCount(help.anyWord.count)} 条。
            </li>
          )}
        </ul>
      ) : (
        <p className="text-slate-700">换一个说法试试，或用更短的词语（例如“复议”而不是“行政复议决定书”）。</p>
      )}
    </div>
  );
}
