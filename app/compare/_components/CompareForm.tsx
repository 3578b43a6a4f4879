import { measureGroups, type Measure } from '@/lib/figures/catalogue';
import type { CompareFacetGroup } from '@/lib/figures/compare-facets';
import { COMPARE_PATH } from '@/lib/figures/compare-params';
import { formatCount } from '../../_lib/format';

function FacetFieldset({ group }: { group: CompareFacetGroup }) {
  if (group.values.length === 0) return null;
  return (
    <fieldset className="space-y-0.5">
      <legend className="text-sm font-semibold text-slate-600">{group.label}</legend>
      <div className="max-h-56 overflow-y-auto pr-1">
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

/**
 * A plain GET form (works without JavaScript): the measure, then places and years. Counts are
 * reports that print the measure's rows under the other choices.
 */
export function CompareForm({ measure, facets }: { measure: Measure; facets: CompareFacetGroup[] }) {
  return (
    <form method="get" action={COMPARE_PATH} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="measure" className="block text-sm font-semibold text-slate-600">
          指标
        </label>
        <select id="measure" name="measure" defaultValue={measure.id} className="w-full rounded border border-slate-400 bg-white px-2 py-1">
          {measureGroups().map(({ group, measures }) => (
            <optgroup key={group} label={group}>
              {measures.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {facets.map((group) => (
        <FacetFieldset key={group.name} group={group} />
      ))}
      <div className="flex gap-3">
        <button type="submit" className="rounded-md bg-accent px-4 py-1.5 font-medium text-white">
          对比
        </button>
        <a href={`${COMPARE_PATH}?measure=${encodeURIComponent(measure.id)}`} className="self-center text-sm text-accent underline underline-offset-4">
          清除地区和年度
        </a>
      </div>
    </form>
  );
}
