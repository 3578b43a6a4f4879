/**
 * The table rows a search finds, as data: the same query as /search (words, match, facets),
 * restricted to table rows, streamed page by page. CSV has one line per cell (a tidy table
 * that spreadsheets pivot); JSON one object per row with its values by column.
 */
import { engineQueryText } from '@/lib/search/engine-query-text';
import { REPORT_FIELDS } from '@/lib/search/engine-queries';
import type { SearchDocument } from '@/lib/index/document';
import { buildFilter, withCondition, withoutCopies } from '@/lib/search/query-filter';
import type { SearchEngine } from '@/lib/search/query-engine';
import { FACETS } from '@/lib/index/facets';
import type { SearchQuery } from '@/lib/search/query-schema';
import { reportHref } from '@/lib/search/url';
import { CSV_BOM, csvLine } from './csv';
import { jsonArrayChunks } from './download';
import { allPages, type EngineSearch } from './scan';

/** The report's fields, exported as the search document has them. */
const ROW_FIELDS = [...REPORT_FIELDS, 'table', 'headingPath', 'anchor', 'status', 'values', 'units'] as const satisfies readonly (keyof SearchDocument)[];
type RowHit = Pick<SearchDocument, (typeof ROW_FIELDS)[number]>;

const PAGE_SIZE = 1_000;

/** A table row: its report's fields as the search document has them, the row's own filled in. */
export type ExportedRow = Pick<SearchDocument, (typeof REPORT_FIELDS)[number] | 'anchor'> & {
  table: string;
  path: SearchDocument['headingPath'];
  status: string;
  values: NonNullable<SearchDocument['values']>;
  units: NonNullable<SearchDocument['units']>;
  /** The row on its report page (absolute URL). */
  source: string;
};

/**
 * The search as the engine gets it, rows only. Exports come in year order (then reading order):
 * an export is read as data, and relevance order cannot hold across the partitions of a
 * large result.
 */
function rowSearch(engine: SearchEngine, query: SearchQuery): EngineSearch {
  return {
    indexUid: engine.indexes.documents,
    q: engineQueryText(query.q),
    filter: withoutCopies(withCondition(buildFilter({ ...query.filters, kind: [] }), 'kind', 'row')),
    matchingStrategy: query.match === 'any' ? 'last' : 'all',
    sort: [query.sort === 'year-asc' ? 'year:asc' : 'year:desc', 'order:asc'],
  };
}

function toExported(hit: RowHit, origin: string): ExportedRow {
  const { table, headingPath, status, values, units, ...report } = hit;
  return {
    ...report,
    table: table ?? '',
    path: headingPath,
    status: status ?? '',
    values: values ?? {},
    units: units ?? {},
    source: new URL(reportHref(hit.reportId, { anchor: hit.anchor }), origin).href,
  };
}

/** Every row the search finds, in pages read one at a time. */
export async function* exportedRows(engine: SearchEngine, query: SearchQuery, origin: string): AsyncGenerator<ExportedRow> {
  for await (const page of allPages<RowHit>(engine, rowSearch(engine, query), ROW_FIELDS, PAGE_SIZE)) {
    for (const hit of page) yield toExported(hit, origin);
  }
}

const STATUS_LABELS: Record<string, string> = { read: '已读取', inferred: '推断', unreadable: '部分无法读取' };

const CSV_HEADER = ['省份', '城市', '区县', '发布机关', '层级', '年度', '表', '行', '列', '数值', '单位', '行状态', '来源', '报告编号'];

/** One line per cell; a row without a readable cell is one line with the column left empty. */
export function rowCsvLines(row: ExportedRow): string {
  const cells = Object.entries(row.values);
  const lines = (cells.length > 0 ? cells : [[null, null] as const]).map(([column, value]) =>
    csvLine([
      row.province,
      row.city,
      row.district,
      row.issuer,
      row.level,
      row.year,
      `表${row.table}`,
      row.path.join(' / '),
      column,
      value,
      column === null ? null : (row.units[column] ?? null),
      STATUS_LABELS[row.status] ?? row.status,
      row.source,
      row.reportId,
    ]),
  );
  return lines.join('');
}

export async function* rowsCsv(rows: AsyncIterable<ExportedRow>): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(CSV_HEADER);
  for await (const row of rows) yield rowCsvLines(row);
}

/** `{ ok, query, rows: [...] }`, the rows streamed. */
export async function* rowsJson(rows: AsyncIterable<ExportedRow>, query: SearchQuery): AsyncGenerator<string> {
  const filters = Object.fromEntries(
    FACETS.filter((facet) => facet.name !== 'kind' && query.filters[facet.name].length > 0).map((facet) => [facet.name, query.filters[facet.name]]),
  );
  yield `{"ok":true,"query":${JSON.stringify({ q: query.q, match: query.match, filters })},"rows":`;
  yield* jsonArrayChunks(rows);
  yield '}\n';
}
