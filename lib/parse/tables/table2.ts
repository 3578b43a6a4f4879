/**
 * Table 二 (主动公开政府信息情况): rows found by label in any order (a converter may print the
 * （一） rows last), columns from the report's own format. Table 二 has no identity, so cells that
 * ran together are read only when they can be split one way.
 */
import { LAYOUT_NAME } from '@/lib/parse/layout';
import type { TableRow, Warning } from '@/lib/report/schema';
import { printedCells, type SourceRow, sourceRows } from './cells';
import type { DocLine } from './doc';
import { placedNumbers, rowReadings, type RowReadings } from './glued';
import { compact } from './labels';
import { rowOutcome } from './rowresult';
import { alignableRows, rowCandidates } from './rowlabels';
import { fromReadings, type SolvedRow, solve } from './solve';
import { detectTable2Format, T2_GROUP_KEY, TABLE_CATEGORY, table2Groups, type TemplateRow } from './templates';

/** Group headings as label rows without numbers, so running text is cut at them. */
const GROUP_HEADING: TemplateRow = { anchor: 't2', path: ['第二十条'], valued: false, keys: [T2_GROUP_KEY], parent: null };

function ambiguity(readings: RowReadings, columns: number): string {
  return readings.placed
    ? `${placedNumbers(readings)} 个数字对应 ${columns} 列，有 ${readings.readings.length} 种排法`
    : `拆成 ${columns} 列有 ${readings.readings.length} 种拆法`;
}

/** `lines` null: the report has no table 二 that could be found; every row is then unreadable. */
export function parseTable2(lines: DocLine[] | null, layout: '2019' | '2021'): { rows: TableRow[]; warnings: Warning[] } {
  const format = detectTable2Format(compact((lines ?? []).map((l) => l.text).join('\n')).text, layout);
  const warnings: Warning[] = [];
  if (layout !== format) {
    const message = `表二的列属于 ${LAYOUT_NAME[format]}，与报告的格式（${LAYOUT_NAME[layout]}）不一致；已按表二所印的列读取`;
    warnings.push({ code: 'layout-mismatch', message, anchor: null });
  }
  const groups = table2Groups(format);
  const valued = groups.flatMap((g) => g.rows);
  const entries = [GROUP_HEADING, ...valued];
  const { kept, stray } = alignableRows(sourceRows(lines ?? [], entries));

  const found = new Map<TemplateRow, SourceRow>();
  for (const row of kept) {
    const named = rowCandidates(row, entries, valued);
    const only = named?.length === 1 ? named[0] : undefined;
    if (!only) {
      stray.push(row);
      continue;
    }
    if (found.has(only)) {
      warnings.push({ code: 'duplicate-row', message: `表二：“${row.raw}”与前面的“${only.path.join(' ')}”一行重复，保留了前一行`, anchor: only.anchor });
      continue;
    }
    found.set(only, row);
  }
  for (const s of stray) {
    warnings.push({ code: 'stray-cells', message: `表二：单元格“${s.raw}”不属于任何一行，未采用`, anchor: null });
  }

  const rows = groups.flatMap((group) =>
    group.rows.map((t): TableRow => {
      const src = found.get(t);
      const width = group.columns.length;
      const missing = lines ? '表中未找到这一行' : '报告中未找到表二';
      const readings: RowReadings = src ? rowReadings(src.pieces, width) : { readings: [], split: false, placed: false, reason: missing };
      // No identity can choose among several readings: the row is then unreadable.
      const settled =
        readings.readings.length > 1 ? { ...readings, readings: [], reason: `${ambiguity(readings, width)}，而表二没有勾稽关系可据以判断` } : readings;
      const [solved] = solve([fromReadings(settled)], [], width) as [SolvedRow];
      const outcome = rowOutcome(solved, { printed: printedCells(src), readings, headerUnits: group.headerUnits }, group.columns);
      return {
        table: '二',
        path: t.path,
        label: t.path[1] as string,
        ...outcome,
        raw: src?.raw ?? '',
        anchor: t.anchor,
        category: TABLE_CATEGORY.二,
      };
    }),
  );
  return { rows, warnings };
}
