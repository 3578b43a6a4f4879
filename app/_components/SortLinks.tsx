import Link from 'next/link';
import type { SearchQuery, Sort } from '@/lib/search/query-schema';
import { changeQuery, searchHref } from '@/lib/search/url';

const SORT_LABELS: Record<Sort, string> = {
  relevance: '相关度',
  'year-desc': '年度（新→旧）',
  'year-asc': '年度（旧→新）',
};

export function SortLinks({ query }: { query: SearchQuery }) {
  return (
    <nav aria-label="排序" className="flex flex-wrap items-center gap-x-3 text-sm">
      <span className="text-slate-600">排序：</span>
      {(Object.keys(SORT_LABELS) as Sort[]).map((sort) =>
        sort === query.sort ? (
          <span key={sort} aria-current="true" className="font-semibold">
            {SORT_LABELS[sort]}
          </span>
        ) : (
          <Link key={sort} href={searchHref(changeQuery(query, { sort }))} prefetch={false} className="text-accent underline-offset-4 hover:underline">
            {SORT_LABELS[sort]}
          </Link>
        ),
      )}
    </nav>
  );
}
