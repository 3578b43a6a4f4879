import Link from 'next/link';
import { FACETS, type FacetDefinition } from '@/lib/search/facets';
import type { FacetValueView, FacetsUnlisted, FacetsView } from '@/lib/search/view';
import { formatCount } from '../_lib/format';

/** Values shown before "更多": enough for years and provinces, short enough to scan. */
const VISIBLE_VALUES = 8;

function FacetValueLink({ value }: { value: FacetValueView }) {
  return (
    <Link
      href={value.href}
      prefetch={false}
      scroll={false}
      aria-current={value.selected ? 'true' : undefined}
      className={`flex items-baseline gap-2 rounded px-1.5 py-0.5 no-underline hover:bg-slate-100 ${value.selected ? 'font-semibold text-slate-900' : 'text-slate-800'}`}
    >
      <span
        aria-hidden="true"
        className={`inline-flex size-4 shrink-0 translate-y-0.5 items-center justify-center rounded-sm border text-xs leading-none ${value.selected ? 'border-accent bg-accent text-white' : 'border-slate-400'}`}
      >
        {value.selected ? '✓' : ''}
      </span>
      <span className="min-w-0 flex-1 break-words">
        {value.selected && <span className="sr-only">已选：</span>}
        {value.label}
      </span>
      <span className="shrink-0 text-sm tabular-nums text-slate-500">
        {formatCount(value.count)}
        <span className="sr-only"> 条</span>
      </span>
    </Link>
  );
}

/** How to reach a value that is not listed: narrow by the facet's parent place, or name it. */
function unlistedHint(facet: FacetDefinition, unlisted: number): string {
  const parent = facet.parent ? FACETS.find((candidate) => candidate.name === facet.parent) : undefined;
  const how = parent ? `先选${parent.label}` : facet.name === 'issuer' ? '在搜索框写出机关名称，或先选地区' : '加上其他条件';
  return `另有 ${formatCount(unlisted)} 项未列出：${how}即可缩小范围。`;
}

function FacetGroup({ facet, values, unlisted }: { facet: FacetDefinition; values: FacetValueView[]; unlisted: number }) {
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
            <FacetValueLink value={value} />
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
                <FacetValueLink value={value} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {unlisted > 0 && <p className="px-1.5 text-sm text-slate-600">{unlistedHint(facet, unlisted)}</p>}
    </section>
  );
}

/**
 * Facets with counts and toggle links. On phones a closed drawer above the results; from md up
 * always open beside them (globals.css `.drawer`). Works without JavaScript.
 */
export function FacetSidebar({ facets, unlisted, selectedCount }: { facets: FacetsView; unlisted: FacetsUnlisted; selectedCount: number }) {
  return (
    <details className="drawer rounded-md border border-slate-200 md:border-0">
      <summary className="cursor-pointer px-3 py-2 font-medium">
        筛选{selectedCount > 0 ? `（已选 ${selectedCount} 项）` : ''}
      </summary>
      <nav aria-label="筛选条件" className="space-y-5 px-3 pb-3 md:px-0">
        {FACETS.map((facet) =>
          facets[facet.name].length > 0 ? <FacetGroup key={facet.name} facet={facet} values={facets[facet.name]} unlisted={unlisted[facet.name]} /> : null,
        )}
      </nav>
    </details>
  );
}
