/**
 * Which of the three report layouts a report follows (domain.md, "Three layouts"). The year
 * decides it by rule; table 二's column names, where the report has them, show what was
 * actually printed, and win when the two disagree (the tables must be read as printed).
 */
import type { Block } from '@/lib/ingest/types';
import type { Layout } from '@/lib/report/schema';

/** The layouts as warnings name them for a reader. */
export const LAYOUT_NAME: Readonly<Record<Layout, string>> = {
  'pre-2019': '2019 年以前的格式',
  '2019': '2019 年试行格式',
  '2021': '2021 年格式',
};

export function layoutForYear(year: number): Layout {
  if (year <= 2018) return 'pre-2019';
  return year <= 2020 ? '2019' : '2021';
}

/** Column names of table 二 that exist in one format only. */
const TABLE_TWO_COLUMNS: Array<{ layout: Layout; pattern: RegExp }> = [
  { layout: '2019', pattern: /本年新\s*制作\s*数量|本年新\s*公开\s*数量|对外公开\s*总数量/ },
  { layout: '2021', pattern: /本年\s*制发\s*件数|本年\s*废止\s*件数|现行\s*有效\s*件数/ },
];

function blockText(block: Block): string {
  return block.type === 'text' ? block.text : block.rows.map((row) => row.join(' ')).join('\n');
}

/** The layout table 二's columns show, or null when the report has no such columns or both kinds. */
export function layoutFromTableColumns(blocks: Block[]): Layout | null {
  const text = blocks.map(blockText).join('\n');
  const found = TABLE_TWO_COLUMNS.filter(({ pattern }) => pattern.test(text));
  return found.length === 1 ? found[0]!.layout : null;
}
