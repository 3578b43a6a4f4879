/**
 * Identities → checks. A check is emitted only when every cell it needs is known; the ones that
 * cannot be computed become one warning per rule, naming what was not checked. A check whose
 * inputs include inferred cells says so in its description: an identity that filled a cell holds
 * by construction and is no evidence that the printed table is consistent.
 */
import type { Check, Warning } from '@/lib/report/schema';
import { type Identity, quotedRules, RULE_TEXT } from './identities';
import type { SolvedCell } from './solve';

export type CellLookup = (row: number, col: number) => SolvedCell | undefined;

export function checkIdentities(identities: Identity[], cell: CellLookup): { checks: Check[]; warnings: Warning[] } {
  const checks: Check[] = [];
  const skipped = new Map<string, { table: string; where: string[] }>();
  for (const id of identities) {
    const parts = id.parts.map((c) => cell(c.row, c.col));
    const totals = id.totals.map((c) => cell(c.row, c.col));
    const all = [...parts, ...totals];
    if (all.some((c) => c === undefined)) {
      const entry = skipped.get(id.rule) ?? { table: id.table, where: [] };
      entry.where.push(id.scope);
      skipped.set(id.rule, entry);
      continue;
    }
    const sum = (cells: (SolvedCell | undefined)[]) => round(cells.reduce((s, c) => s + (c as SolvedCell).value, 0));
    const expected = sum(parts);
    const actual = sum(totals);
    const inferred = all.some((c) => c?.inferredBy !== null);
    checks.push({
      table: id.table,
      rule: id.rule,
      description: `${RULE_TEXT[id.rule] ?? id.rule}（${id.column}）${inferred ? '；含推断值，不作为表格自洽的证据' : ''}`,
      column: id.column,
      expected,
      actual,
      ok: expected === actual,
      anchor: id.anchor,
    });
  }
  const warnings: Warning[] = [...skipped].map(([rule, { table, where }]) => ({
    code: 'check-skipped',
    message: `因单元格缺失或无法读取，未能核对表${table}的${quotedRules([rule])}：${[...new Set(where)].join('、')}`,
    anchor: null,
  }));
  return { checks, warnings };
}

/** Sums of decimals (fees) compared after rounding away binary noise. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
