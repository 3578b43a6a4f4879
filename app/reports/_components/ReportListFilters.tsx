import type { ReportList } from '@/lib/figures/report-list';
import { LIST_FILTERS, REPORT_LIST_PATH, reportListHref, type ListFilter } from '@/lib/figures/report-list-params';
import { formatCount } from '../../_lib/format';
import { AutoSubmit } from '../../compare/_components/AutoSubmit';

const LABELS: Record<ListFilter, string> = { province: '省份', city: '城市', level: '层级', year: '年度' };
const FORM_ID = 'report-list-filters';

/**
 * One select per filter, each value with its count under the other filters; a GET form, so it
 * works without JavaScript (the button), and applies at once with it. Cities are offered once
 * a province is chosen.
 */
export function ReportListFilters({ list }: { list: ReportList }) {
  const { filters } = list.query;
  const chosen = LIST_FILTERS.filter((name) => filters[name] !== undefined);
  return (
    <form
      id={FORM_ID}
      method="get"
      action={REPORT_LIST_PATH}
      autoComplete="off"
      aria-label="筛选报告"
      className="space-y-2 rounded-md border border-slate-200 p-3"
    >
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {LIST_FILTERS.map((name) => {
          const options = list.options[name];
          const selected = filters[name];
          if (name === 'city' && filters.province === undefined) {
            return (
              <p key={name} className="self-end text-sm text-slate-500">
                选择省份后可按城市筛选
              </p>
            );
          }
          return (
            <div key={name} className="min-w-0 space-y-1">
              <label htmlFor={`filter-${name}`} className="block text-sm font-semibold text-slate-600">
                {LABELS[name]}
              </label>
              <select
                id={`filter-${name}`}
                name={name}
                defaultValue={selected ?? ''}
                className="w-full min-w-0 rounded border border-slate-400 bg-white px-2 py-1"
              >
                <option value="">全部</option>
                {/* A value chosen that has no report under the other filters stays choosable (and removable). */}
                {selected !== undefined && !options.some((option) => option.value === selected) && <option value={selected}>{selected}（0）</option>}
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.value}
                    {name === 'year' && option.value !== '未标明' ? '年' : ''}（{formatCount(option.count)}）
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <button type="submit" className="rounded-md bg-accent px-4 py-1.5 font-medium text-white">
          筛选
        </button>
        {chosen.length > 0 && (
          <a href={reportListHref({ filters: {}, page: 1 })} className="text-sm text-accent underline underline-offset-4">
            清除筛选
          </a>
        )}
      </div>
      <AutoSubmit formId={FORM_ID} />
    </form>
  );
}
