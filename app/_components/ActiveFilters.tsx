import Link from 'next/link';
import type { ActiveFilterView } from '@/lib/search/view';

/** The filters in words, each with its remove link, and one link to remove them all. */
export function ActiveFilters({ filters, clearHref }: { filters: ActiveFilterView[]; clearHref: string }) {
  if (filters.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">筛选条件：</span>
      <ul className="flex flex-wrap gap-2">
        {filters.map((filter) => (
          <li key={`${filter.facet}=${filter.value}`}>
            <Link
              href={filter.removeHref}
              prefetch={false}
              scroll={false}
              className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 px-2.5 py-0.5 no-underline hover:border-slate-500"
            >
              <span>
                {filter.facetLabel}：{filter.label}
              </span>
              <span aria-hidden="true">×</span>
              <span className="sr-only">（移除此条件）</span>
            </Link>
          </li>
        ))}
      </ul>
      {filters.length > 1 && (
        <Link href={clearHref} prefetch={false} className="text-accent underline underline-offset-4">
          清除全部筛选
        </Link>
      )}
    </div>
  );
}
