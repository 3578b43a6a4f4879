import { facetPlace } from '@/lib/index/document';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsedReport } from '@/test/support/cached-parser';
import type { ParsedReport, TableRow } from '@/lib/report/schema';
import { DEFAULT_QUERY, parseApiSearchParams } from '@/lib/search/query-schema';
import { rowCsvLines, rowsCsv, type ExportedRow } from './search-export';
import { searchExportHref } from './search-export-href';

function exported(parsed: ParsedReport, row: TableRow): ExportedRow {
  const { report } = parsed;
  return {
    reportId: report.id,
    title: report.title,
    year: report.year,
    ...facetPlace(report),
    level: report.level,
    table: row.table,
    path: row.path,
    anchor: row.anchor,
    status: row.status,
    values: row.values,
    units: row.units,
    source: `https://example.org/reports/${report.id}#${row.anchor}`,
  };
}

test('one CSV line per cell; a negative figure stays a number; units kept', async () => {
  const parsed = await parsedReport('2020-hangzhou-xiacheng-qu.txt');
  const licences = rowCsvLines(
    exported(
      parsed,
      parsed.rows.find((row) => row.anchor === 't2-5-1')!,
    ),
  )
    .split('\r\n')
    .filter(Boolean);
  assert.equal(licences.length, 3);
  assert.match(licences[1]!, /,表二,第二十条第（五）项 \/ 行政许可,本年增\/减,-87,,已读取,https:\/\/example\.org\/reports\/2020-hangzhou-xiacheng-qu#t2-5-1,/);
  const procurement = rowCsvLines(
    exported(
      parsed,
      parsed.rows.find((row) => row.anchor === 't2-9-1')!,
    ),
  );
  assert.match(procurement, /,采购总金额,202529227\.9,元,/);
  // The blank 规章 row: one line, column and value empty.
  const blank = rowCsvLines(
    exported(
      parsed,
      parsed.rows.find((row) => row.anchor === 't2-1-1')!,
    ),
  )
    .split('\r\n')
    .filter(Boolean);
  assert.equal(blank.length, 1);
  assert.match(blank[0]!, /,表二,第二十条第（一）项 \/ 规章,,,,已读取,/);
  async function* one() {
    yield exported(
      parsed,
      parsed.rows.find((row) => row.anchor === 't3-4')!,
    );
  }
  let csv = '';
  for await (const chunk of rowsCsv(one())) csv += chunk;
  assert.ok(csv.startsWith('\uFEFF省份,城市,区县,发布机关,层级,年度,表,行,列,数值,单位,行状态,来源,报告编号\r\n'));
  assert.match(csv, /四、结转下年度继续办理,总计,2,,推断,/);
});

test('the export link carries the search, without paging, and parses back to it', () => {
  const query = { ...DEFAULT_QUERY, q: '行政许可', page: 3, filters: { ...DEFAULT_QUERY.filters, year: ['2024'], kind: ['row'] } };
  const href = searchExportHref(query, 'csv');
  assert.match(href, /^\/api\/export\?q=/);
  assert.doesNotMatch(href, /page=/);
  const params = new URL(href, 'http://x').searchParams;
  assert.equal(params.get('format'), 'csv');
  assert.deepEqual(parseApiSearchParams(params), { ...query, page: 1 });
});
