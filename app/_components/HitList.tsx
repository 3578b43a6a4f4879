import { KIND_LABELS } from '@/lib/index/facets';
import { reportHref } from '@/lib/search/url';
import type { SearchHitView } from '@/lib/search/view';
import { formatPlace, formatYear } from '../_lib/format';
import { CompareRowLink, type CompareHrefs } from './CompareRowLink';
import { Marked } from './Marked';
import { RowFigures } from './RowFigures';
import { RowStatusBadge } from './RowStatusBadge';

function HitCard({ hit, compareHref }: { hit: SearchHitView; compareHref: string | undefined }) {
  const headingId = `hit-${hit.id}`;
  const path = hit.kind === 'row' && hit.table ? [`表${hit.table}`, ...hit.headingPath] : hit.headingPath;
  return (
    <article aria-labelledby={headingId} className="space-y-1.5">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="rounded bg-slate-100 px-1.5 text-xs leading-5 text-slate-700">{KIND_LABELS[hit.kind]}</span>
        <a href={reportHref(hit.reportId)} className="text-slate-700 underline-offset-4 hover:underline">
          {hit.title}
        </a>
      </p>
      <h3 id={headingId} className="text-lg font-semibold">
        {/* A document load, not a client navigation: only then does the browser apply :target to the passage. */}
        <a href={hit.url} className="text-accent underline-offset-4 hover:underline">
          {path.length > 0 ? path.join(' › ') : hit.title}
        </a>
      </h3>
      <p className="text-sm text-slate-600">
        {[hit.issuer, formatYear(hit.year), formatPlace(hit), hit.category].filter(Boolean).join(' · ')}
        {hit.kind === 'row' && (
          <>
            {' '}
            <RowStatusBadge status={hit.status} />
          </>
        )}
      </p>
      {hit.kind === 'row' ? (
        <>
          <RowFigures label={hit.heading} values={hit.values ?? []} />
          <CompareRowLink hit={hit} href={compareHref} className="inline-block" />
        </>
      ) : (
        <p className="text-slate-800">
          <Marked segments={hit.snippet} />
        </p>
      )}
    </article>
  );
}

export function HitList({ hits, firstNumber, compareHrefs }: { hits: SearchHitView[]; firstNumber: number; compareHrefs: CompareHrefs }) {
  return (
    <ol start={firstNumber} className="space-y-7">
      {hits.map((hit) => (
        <li key={hit.id}>
          <HitCard hit={hit} compareHref={compareHrefs[hit.id]} />
        </li>
      ))}
    </ol>
  );
}
