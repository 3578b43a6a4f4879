import Link from 'next/link';
import type { SearchQuery } from '@/lib/search/query-schema';
import { searchHref, withPage } from '@/lib/search/url';

/** Pages shown around the current one (plus the first and the last). */
const RADIUS = 2;

function pageNumbers(current: number, last: number): Array<number | 'gap'> {
  const pages: Array<number | 'gap'> = [];
  for (let page = 1; page <= last; page++) {
    if (page === 1 || page === last || Math.abs(page - current) <= RADIUS) pages.push(page);
    else if (pages.at(-1) !== 'gap') pages.push('gap');
  }
  return pages;
}

const linkClass = 'rounded border border-slate-300 px-3 py-1 no-underline hover:border-slate-500';

export function Pagination({ query, totalPages }: { query: SearchQuery; totalPages: number }) {
  if (totalPages <= 1) return null;
  const { page } = query;
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center gap-2">
      {page > 1 && (
        <Link href={searchHref(withPage(query, Math.min(page - 1, totalPages)))} prefetch={false} rel="prev" className={linkClass}>
          上一页
        </Link>
      )}
      <ul className="flex flex-wrap items-center gap-2">
        {pageNumbers(page, totalPages).map((item, index) =>
          item === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-slate-500">
              …
            </li>
          ) : (
            <li key={item}>
              {item === page ? (
                <span aria-current="page" className="rounded border border-accent bg-accent px-3 py-1 text-white">
                  <span className="sr-only">第 </span>
                  {item}
                  <span className="sr-only"> 页（当前）</span>
                </span>
              ) : (
                <Link href={searchHref(withPage(query, item))} prefetch={false} className={linkClass}>
                  <span className="sr-only">第 </span>
                  {item}
                  <span className="sr-only"> 页</span>
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < totalPages && (
        <Link href={searchHref(withPage(query, page + 1))} prefetch={false} rel="next" className={linkClass}>
          下一页
        </Link>
      )}
    </nav>
  );
}
