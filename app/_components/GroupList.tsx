import type { ReportGroupView } from '@/lib/search/groups';
import type { SearchHitView } from '@/lib/search/view';
import { formatCount, formatFigure, formatPlace, formatYear } from '../_lib/format';
import { CompareRowLink, type CompareHrefs } from './CompareRowLink';
import { Marked } from './Marked';
import { RowStatusBadge } from './RowStatusBadge';
import { present } from '@/lib/errors';

/** A passage: where it is in the report (the link to it) and the text around the match. */
function SectionHit({ hit }: { hit: SearchHitView }) {
  return (
    <li className="space-y-1">
      <h4 className="font-medium">
        {/* A document load, not a client navigation: only then does the browser apply :target to the passage. */}
        <a href={hit.url} className="text-accent underline-offset-4 hover:underline">
          {/* The report's title is the group's heading: a passage before the first heading is its opening. */}
          {hit.headingPath.length > 0 ? hit.headingPath.join(' › ') : '报告开头'}
        </a>
      </h4>
      <p className="text-slate-800">
        <Marked segments={hit.snippet} />
      </p>
    </li>
  );
}

/** The columns of several rows of one table, in the order they first appear. */
function columnsOf(rows: readonly SearchHitView[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.values ?? []).map((value) => value.column)))];
}

/** Rows of one table matched in a report, as one compact table; each label links to its row. */
function TableHits({ table, rows, compareHrefs }: { table: string; rows: SearchHitView[]; compareHrefs: CompareHrefs }) {
  const columns = columnsOf(rows);
  const caption = `表${table}`;
  return (
    <li className="space-y-1">
      <h4 className="font-medium">
        <a href={rows[0]!.url} className="text-accent underline-offset-4 hover:underline">
          {caption}
          {rows[0]!.headingPath.length > 1 ? ` › ${rows[0]!.headingPath[0]}` : ''}
        </a>
      </h4>
      <div className="relative overflow-x-auto" role="region" aria-label={`${caption}中匹配的行`} tabIndex={0}>
        <table className="figures border-collapse text-sm">
          <thead>
            <tr>
              <th scope="col">行</th>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const byColumn = new Map((row.values ?? []).map((value) => [value.column, value]));
              return (
                <tr key={row.id}>
                  <th scope="row" className="text-left font-normal">
                    <a href={row.url} className="text-accent underline-offset-4 hover:underline">
                      {row.heading}
                    </a>{' '}
                    <RowStatusBadge status={row.status} /> <CompareRowLink hit={row} href={compareHrefs[row.id]} className="whitespace-nowrap" />
                  </th>
                  {columns.map((column) => {
                    const value = byColumn.get(column);
                    return <td key={column}>{value ? `${formatFigure(value.value)}${value.unit ?? ''}` : '—'}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.every((row) => (row.values ?? []).length === 0) && <p className="text-sm text-slate-600">这些行没有读出数字。</p>}
    </li>
  );
}

/** The report's hits in reading order, rows of one table gathered where the first of them stands. */
function HitsOfReport({ hits, compareHrefs }: { hits: SearchHitView[]; compareHrefs: CompareHrefs }) {
  const tables = new Map<string, SearchHitView[]>();
  for (const hit of hits) if (hit.kind === 'row' && hit.table) tables.set(hit.table, [...(tables.get(hit.table) ?? []), hit]);
  const shown = new Set<string>();
  return (
    <ul className="space-y-3 border-l-2 border-slate-200 pl-3">
      {hits.map((hit) => {
        if (hit.kind !== 'row' || !hit.table) return <SectionHit key={hit.id} hit={hit} />;
        if (shown.has(hit.table)) return null;
        shown.add(hit.table);
        return <TableHits key={hit.id} table={hit.table} rows={present(tables.get(hit.table), `the rows of table ${hit.table}`)} compareHrefs={compareHrefs} />;
      })}
    </ul>
  );
}

function ReportGroup({ group, compareHrefs }: { group: ReportGroupView; compareHrefs: CompareHrefs }) {
  const headingId = `report-${group.reportId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const more = group.count - group.hits.length;
  return (
    <article aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="text-lg font-semibold">
        <a href={group.url} className="text-accent underline-offset-4 hover:underline">
          {group.title}
        </a>
      </h3>
      <p className="text-sm text-slate-600">
        {[group.issuer, formatYear(group.year), formatPlace(group)].filter(Boolean).join(' · ')}
        {' · '}
        {formatCount(group.count)} 处匹配
      </p>
      {group.hits.length > 0 && <HitsOfReport hits={group.hits} compareHrefs={compareHrefs} />}
      {more > 0 && (
        <p className="text-sm">
          <a href={group.url} className="text-accent underline underline-offset-4">
            还有 {formatCount(more)} 处匹配
          </a>
          <span className="text-slate-600">（在报告中标出）</span>
        </p>
      )}
    </article>
  );
}

/** Results grouped by report: each report once, its best hits under it. */
export function GroupList({ groups, firstNumber, compareHrefs }: { groups: ReportGroupView[]; firstNumber: number; compareHrefs: CompareHrefs }) {
  return (
    <ol start={firstNumber} className="space-y-8">
      {groups.map((group) => (
        <li key={group.reportId}>
          <ReportGroup group={group} compareHrefs={compareHrefs} />
        </li>
      ))}
    </ol>
  );
}
