import type { ReportList } from '@/lib/figures/report-list';
import { reportListHref } from '@/lib/figures/report-list-params';
import { formatCount } from '../../_lib/format';

const linkClass = 'rounded border border-slate-300 px-3 py-1 no-underline hover:border-slate-500';

/** Previous and next page, and where this one is. */
export function ReportListPages({ list }: { list: ReportList }) {
  const { query, totalPages } = list;
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center gap-3">
      {query.page > 1 && (
        <a href={reportListHref({ ...query, page: Math.min(query.page - 1, totalPages) })} rel="prev" className={linkClass}>
          上一页
        </a>
      )}
      <span className="text-sm text-slate-600">
        第 {formatCount(query.page)} / {formatCount(totalPages)} 页
      </span>
      {query.page < totalPages && (
        <a href={reportListHref({ ...query, page: query.page + 1 })} rel="next" className={linkClass}>
          下一页
        </a>
      )}
    </nav>
  );
}
