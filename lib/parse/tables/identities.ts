/**
 * The identities of domain.md, as data: which cells are summed and which total they must equal.
 * The same objects drive the solver (to fill or choose cells) and the checks (to report).
 */
import type { TableId } from '@/lib/report/schema';
import type { Equation } from './solve';

export const RULE_TEXT: Record<string, string> = {
  't3.balance': '一 + 二 = 三（七）总计 + 四',
  't3.outcomes': '三（七）总计 = （一）至（六）各项之和',
  't3.row-total': '总计 = 自然人 + 法人或其他组织',
  't4.group-total': '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
};

/** 'rule: text', the form notes and warnings name a rule in. */
export function ruleName(rule: string): string {
  const text = RULE_TEXT[rule];
  return text ? `${rule}: ${text}` : rule;
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
  /** Anchor of the row holding the total. */
  anchor: string;
  parts: CellRef[];
  totals: CellRef[];
}

export function toEquation(identity: Identity): Equation {
  return {
    rule: identity.rule,
    terms: [
      ...identity.parts.map((c) => ({ ...c, coef: 1 as const })),
      ...identity.totals.map((c) => ({ ...c, coef: -1 as const })),
    ],
  };
}
