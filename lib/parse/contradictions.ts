/**
 * Figures stated in the text that table 三 contradicts. Reports often say how many requests
 * they received in part 一 (`区政府办代表区政府受理政府信息公开申请 17 件`) and print the table in
 * part 三 (95); when the two disagree the reader should know, and the table is not corrected.
 */
import type { Section, TableRow, Warning } from '@/lib/report/schema';

/** Table 三 rows by the anchors the table parser gives them (lib/parse/tables/templates.ts). */
const NEW_REQUESTS = 't3-1';
const CARRIED_IN = 't3-2';
const HANDLED_TOTAL = 't3-3-7';
const TOTAL_COLUMN = '总计';

interface Statement {
  /** Which figure the sentence states, and the table figures that would agree with it. */
  what: string;
  pattern: RegExp;
  agreeing: (totals: Map<string, number>) => Array<{ value: number; label: string }>;
}

const STATEMENTS: Statement[] = [
  {
    what: '收到政府信息公开申请',
    pattern: /(?:受理|收到|新收|接收)[^。；，,\d]{0,16}?(?:政府)?信息公开申请[^。；，,\d]{0,6}?(\d+)\s*件/g,
    // A text may count new requests only, or with those carried over, or all handled.
    agreeing: (totals) => {
      const fresh = totals.get(NEW_REQUESTS);
      const carried = totals.get(CARRIED_IN);
      const handled = totals.get(HANDLED_TOTAL);
      return [
        ...(fresh === undefined ? [] : [{ value: fresh, label: '一、本年新收' }]),
        ...(fresh === undefined || carried === undefined ? [] : [{ value: fresh + carried, label: '一 + 二' }]),
        ...(handled === undefined ? [] : [{ value: handled, label: '三（七）总计' }]),
      ];
    },
  },
  {
    what: '上年结转政府信息公开申请',
    pattern: /上年结转[^。；，,\d]{0,16}?(\d+)\s*件/g,
    agreeing: (totals) => {
      const carried = totals.get(CARRIED_IN);
      return carried === undefined ? [] : [{ value: carried, label: '二、上年结转' }];
    },
  },
];

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('。', at) + 1, 0);
  const end = text.indexOf('。', at);
  return text
    .slice(start, end === -1 ? text.length : end + 1)
    .replace(/\s+/g, ' ')
    .trim();
}

export function textTableMismatches(sections: Section[], rows: TableRow[]): Warning[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const total = row.values[TOTAL_COLUMN];
    if (row.table === '三' && row.status !== 'unreadable' && total !== undefined) totals.set(row.anchor, total);
  }
  if (totals.size === 0) return [];

  const warnings: Warning[] = [];
  for (const section of sections) {
    for (const statement of STATEMENTS) {
      const agreeing = statement.agreeing(totals);
      if (agreeing.length === 0) continue;
      for (const match of section.text.matchAll(statement.pattern)) {
        const stated = Number(match[1]);
        if (agreeing.some((figure) => figure.value === stated)) continue;
        const table = agreeing.map((figure) => `${figure.label} = ${figure.value}`).join('，');
        warnings.push({
          code: 'text-table-mismatch',
          message: `正文称${statement.what} ${stated} 件，与表三不符（${table}）：“${sentenceAround(section.text, match.index)}”`,
          anchor: section.anchor,
        });
      }
    }
  }
  return warnings;
}
