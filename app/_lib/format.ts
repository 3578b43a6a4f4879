const counts = new Intl.NumberFormat('zh-CN');

export function formatCount(value: number): string {
  return counts.format(value);
}

/** Table figures as printed: full precision, thousands separators. */
const figures = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

export function formatFigure(value: number): string {
  return figures.format(value);
}

/** 省 市 区 as one line, each once (a municipality is its own province and city). */
export function formatPlace(place: { province: string | null; city: string | null; district: string | null }): string {
  return [place.province, place.city, place.district].filter((part, index, parts) => part && parts.indexOf(part) === index).join(' ');
}

/** A report's year as shown beside its title; a report that does not state one says so. */
export function formatYear(year: number | null): string {
  return year === null ? '年度未标明' : `${year}年`;
}
