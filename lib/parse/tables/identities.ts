/**
 * The identities of domain.md, as data: which cells are summed and which total they must equal.
 * The same objects drive the solver (to fill or choose cells) and the checks (to report).
 */
import type { TableId } from '@/lib/report/schema';
import { listOf } from './phrases';
import type { Equation } from './solve';

export const RULE_TEXT: Record<string, string> = {
  't3.balance': '一 + 二 = 三（七）总计 + 四',
  't3.outcomes': '三（七）总计 = （一）至（六）各项之和',
  't3.row-total': '总计 = 自然人 + 法人或其他组织',
  't4.group-total': '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
};

/** Rules as notes and warnings name them for a reader: their statements, quoted, never their ids. */
export function quotedRules(rules: readonly string[]): string {
  return listOf(
    rules.map((rule) => `“${RULE_TEXT[rule] ?? rule}”`),
    '和',
  );
}

export interface CellRef {
  row: number;
  col: number;
}

export interface Identity {
  table: TableId;
  rule: string;
  /** Column the identity is about (for a row identity, the total column). */
  column: string;
  /** Where it applies, as a reader names it: the column, or for a row identity the row (quoted). */
  scope: string;
  /** Anchor of the row holding the total. */
  anchor: string;
  parts: CellRef[];
  totals: CellRef[];
}

export function toEquation(identity: Identity): Equation {
  return {
    rule: identity.rule,
    terms: [...identity.parts.map((c) => ({ ...c, coef: 1 as const })), ...identity.totals.map((c) => ({ ...c, coef: -1 as const }))],
  };
}
