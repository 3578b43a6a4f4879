const counts = new Intl.NumberFormat('zh-CN');

export function formatCount(value: number): string {
  return counts.format(value);
}

/** Table figures as printed: full precision, thousands separators. */
const figures = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

export function formatFigure(value: number): string {
  return figures.format(value);
}
