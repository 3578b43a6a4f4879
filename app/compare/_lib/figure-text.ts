import { GAP_LABELS, type Figure } from '@/lib/figures/evaluate';
import type { FigureTable } from '@/lib/figures/catalogue';
import { formatFigure } from '../../_lib/format';

/** 120 · 84.75% · +12.5%（a change from the previous year） · 7,730.28 万元 (件 goes without saying in tables 三 and 四). */
export function figureText(figure: Figure): string {
  if (figure.value === null) return GAP_LABELS[figure.gap ?? 'unreadable'];
  if (figure.yearOnYear) return `${changeText(figure.value, false)}%`;
  if (figure.unit === '%') return `${formatFigure(figure.value)}%`;
  return figure.unit && figure.unit !== '件' ? `${formatFigure(figure.value)} ${figure.unit}` : formatFigure(figure.value);
}

/** +25 · −3.5 个百分点 · 0 */
export function changeText(change: number, isRate: boolean): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${formatFigure(Math.abs(change))}${isRate ? ' 个百分点' : ''}`;
}

export function tablesText(tables: readonly FigureTable[]): string {
  return tables.map((table) => `表${table}`).join('、');
}

/** 上一年度 1,200 → 本年 1,350: what a change from the previous year compares. */
export function yearOnYearText(figure: Figure): string | null {
  const change = figure.yearOnYear;
  return change ? `上一年度 ${formatFigure(change.previous)} → 本年 ${formatFigure(change.current)}` : null;
}
