import { FACETS, facetLabel, type FacetDefinition, type FacetName } from '@/lib/index/facets';
import type { FacetValueView, FacetsUnlisted, FacetsView } from '@/lib/search/view';
import { formatCount } from '../_lib/format';

/** Values shown before "更多": enough for years and provinces, short enough to scan. */
const VISIBLE_VALUES = 8;

/** What the counts count: hits (条) in the flat list, reports (份报告) when grouped by report. */
export type CountUnit = '条' | '份报告';

function FacetValueLink({ value, unit }: { value: FacetValueView; unit: CountUnit }) {
  // Styled in globals.css (.facet-value): the sidebar repeats it for every value. A plain link,
  // not next/link: a page load, as without JavaScript; the ~40 client components of the
  // sidebar were a quarter of the search page's rendering CPU (30 → 23 ms a page, measured).
  return (
    <a href={value.href} aria-current={value.selected ? 'true' : undefined} className="facet-value">
      <span className="min-w-0 flex-1 break-words">
        {value.selected && <span className="sr-only">已选：</span>}
        {value.label}
      </span>
      <span>
        {formatCount(value.count)}
        <span className="sr-only"> {unit}</span>
      </span>
    </a>
  );
}

/** How to reach a value that is not listed: narrow by the facet's parent place when it is not chosen yet, or name it. */
function unlistedHint(facet: FacetDefinition, unlisted: number, facets: FacetsView): string {
  const parentChosen = facet.parent ? facets[facet.parent as FacetName]?.some((value) => value.selected) : true;
  const how = !parentChosen ? `先选${facetLabel(facet.parent as FacetName)}` : facet.name === 'issuer' ? '在搜索框写出机关名称' : '加上其他条件';
  return `另有 ${formatCount(unlisted)} 项未列出：${how}即可缩小范围。`;
}

/** A facet counted only under a selection (`countedAfter`): say how to get its values. */
function WaitingFacet({ facet }: { facet: FacetDefinition }) {
  return (
    <section aria-labelledby={`facet-${facet.name}`} className="space-y-1 text-sm text-slate-600">
      <h3 id={`facet-${facet.name}`} className="font-semibold">
        {facet.label}
      </h3>
      <p className="px-1.5">{facet.waiting}</p>
    </section>
  );
}

function FacetGroup({ facet, facets, unlisted, unit }: { facet: FacetDefinition; facets: FacetsView; unlisted: number; unit: CountUnit }) {
  const values = facets[facet.name as FacetName] ?? [];
  // Selected values stay in view even when they are not among the most frequent.
  const visible = values.filter((value, index) => index < VISIBLE_VALUES || value.selected);
  const more = values.filter((value) => !visible.includes(value));
  const headingId = `facet-${facet.name}`;
  return (
    <section aria-labelledby={headingId} className="space-y-1">
      <h3 id={headingId} className="text-sm font-semibold text-slate-600">
        {facet.label}
      </h3>
      <ul>
        {visible.map((value) => (
          <li key={value.value}>
            <FacetValueLink value={value} unit={unit} />
          </li>
        ))}
      </ul>
      {more.length > 0 && (
        <details className="group">
          <summary className="cursor-pointer px-1.5 text-sm text-accent">
            <span className="group-open:hidden">更多 {formatCount(more.length)} 项</span>
            <span className="hidden group-open:inline">收起</span>
            <span className="sr-only">（{facet.label}）</span>
          </summary>
          <ul>
            {more.map((value) => (
              <li key={value.value}>
                <FacetValueLink value={value} unit={unit} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {unlisted > 0 && <p className="px-1.5 text-sm text-slate-600">{unlistedHint(facet, unlisted, facets)}</p>}
    </section>
  );
}

/**
 * Facets with counts and toggle links. On phones a closed drawer above the results; from md up
 * always open beside them (globals.css `.drawer`). Works without JavaScript.
 */
export function FacetSidebar({
  facets,
  unlisted,
  selectedCount,
  unit,
}: {
  facets: FacetsView;
  unlisted: FacetsUnlisted;
  selectedCount: number;
  unit: CountUnit;
}) {
  // Nothing found: no facet has values, and none is worth waiting for.
  const anyValues = Object.values(facets).some((values) => values.length > 0);
  return (
    <details className="drawer rounded-md border border-slate-200 md:border-0">
      <summary className="cursor-pointer px-3 py-2 font-medium">筛选{selectedCount > 0 ? `（已选 ${selectedCount} 项）` : ''}</summary>
      <nav aria-label="筛选条件" className="space-y-5 px-3 pb-3 md:px-0">
        {FACETS.map((facet) => {
          const values = facets[facet.name];
          if (!values) return anyValues ? <WaitingFacet key={facet.name} facet={facet} /> : null;
          return values.length > 0 ? <FacetGroup key={facet.name} facet={facet} facets={facets} unlisted={unlisted[facet.name] ?? 0} unit={unit} /> : null;
        })}
      </nav>
    </details>
  );
}
