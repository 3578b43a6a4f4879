import { measureGroups, type Measure } from '@/lib/figures/catalogue';
import type { CompareFacetGroup } from '@/lib/figures/compare-facets';
import { COMPARE_PATH, type CompareSort } from '@/lib/figures/compare-params';
import { commonMeasures } from '@/lib/figures/common-measures';
import { formatCount } from '../../_lib/format';
import { AutoSubmit } from './AutoSubmit';

const FORM_ID = 'compare-form';
const LIST_ID = 'measure-options';

const SORT_LABELS: Record<CompareSort, string> = {
  place: '各地逐年对比（按地区排列）',
  'value-desc': '一年排名：从大到小',
  'value-asc': '一年排名：从小到大',
};

/**
 * Labels this short (years: `2025年`) sit two to a line, in a box tall enough for 24 of them, so
 * every year a corpus holds is in view; longer labels, one to a line, scroll in a smaller box.
 */
const SHORT_LABEL = 6;

function FacetFieldset({ group }: { group: CompareFacetGroup }) {
  if (group.values.length === 0) return null;
  const short = group.values.every((value) => value.label.length <= SHORT_LABEL);
  return (
    <fieldset className="space-y-0.5">
      <legend className="text-sm font-semibold text-slate-600">{group.label}</legend>
      <div className={short ? 'grid max-h-96 grid-cols-2 gap-x-2 overflow-y-auto pr-1' : 'max-h-56 overflow-y-auto pr-1'}>
        {group.values.map((value) => (
          <label key={value.value} className="flex items-baseline gap-2 rounded px-1 py-0.5 hover:bg-slate-100">
            <input type="checkbox" name={group.name} value={value.value} defaultChecked={value.selected} className="translate-y-0.5" />
            <span className="min-w-0 flex-1 break-words">{value.label}</span>
            <span className="shrink-0 text-sm tabular-nums text-slate-500">
              {formatCount(value.count)}
              <span className="sr-only"> 份报告</span>
            </span>
          </label>
        ))}
      </div>
      {group.hidden > 0 && <p className="text-xs text-slate-500">另有 {formatCount(group.hidden)} 项，请先选择地区缩小范围。</p>}
    </fieldset>
  );
}

/** Every measure's label, the common ones first (under the names people use), for the typeable picker. */
function MeasureOptions() {
  const common = commonMeasures();
  const commonIds = new Set(common.map(({ measure }) => measure.id));
  return (
    <datalist id={LIST_ID}>
      {common.map(({ measure, name }) => (
        <option key={measure.id} value={measure.label} label={`常用 · ${name}`} />
      ))}
      {measureGroups().flatMap(({ group, measures }) =>
        measures.filter((option) => !commonIds.has(option.id)).map((option) => <option key={option.id} value={option.label} label={group} />),
      )}
    </datalist>
  );
}

/**
 * A plain GET form (works without JavaScript, through its button): the measure (typed, or
 * picked from the list), the order, then places and years. With JavaScript every change
 * applies at once. Counts are reports that print the measure's rows under the other choices.
 * On a phone the places and years fold away so the results come first.
 */
export function CompareForm({ measure, sort, facets }: { measure: Measure; sort: CompareSort; facets: CompareFacetGroup[] }) {
  return (
    <form id={FORM_ID} method="get" action={COMPARE_PATH} autoComplete="off" className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="measure" className="block text-sm font-semibold text-slate-600">
          指标（可输入关键词，如“不予公开”“复议”）
        </label>
        <input
          id="measure"
          name="measure"
          list={LIST_ID}
          defaultValue={measure.label}
          autoComplete="off"
          className="w-full rounded border border-slate-400 bg-white px-2 py-1"
        />
        <MeasureOptions />
      </div>
      <div className="space-y-1">
        <label htmlFor="sort" className="block text-sm font-semibold text-slate-600">
          显示方式
        </label>
        <select id="sort" name="sort" defaultValue={sort} className="w-full rounded border border-slate-400 bg-white px-2 py-1">
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-x-3 gap-y-1">
        <button type="submit" className="rounded-md bg-accent px-4 py-1.5 font-medium text-white">
          对比
        </button>
        <a href={`${COMPARE_PATH}?measure=${encodeURIComponent(measure.id)}`} className="self-center text-sm text-accent underline underline-offset-4">
          清除地区和年度
        </a>
      </div>
      <details className="drawer space-y-3 rounded-md border border-slate-200 p-2 md:border-0 md:p-0">
        <summary className="cursor-pointer font-medium">选择地区、层级和年度</summary>
        <div className="space-y-4 pt-2 md:pt-0">
          {facets.map((group) => (
            <FacetFieldset key={group.name} group={group} />
          ))}
          <button type="submit" className="rounded-md border border-accent px-4 py-1 text-accent">
            对比
          </button>
        </div>
      </details>
      <AutoSubmit formId={FORM_ID} listId={LIST_ID} />
    </form>
  );
}
