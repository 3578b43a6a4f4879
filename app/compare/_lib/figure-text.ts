import { GAP_LABELS, type Figure } from '@/lib/figures/evaluate';
import type { FigureTable } from '@/lib/figures/catalogue';
import { formatFigure } from '../../_lib/format';

/** 120 · 84.75% · 7,730.28 万元 (件 goes without saying in tables 三 and 四). */
export function figureText(figure: Figure): string {
  if (figure.value === null) return GAP_LABELS[figure.gap ?? 'unreadable'];
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
