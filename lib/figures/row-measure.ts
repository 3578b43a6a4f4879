/**
 * The measure a table row of a report stands for, and the comparison of it for the row's own
 * issuer: the "对比此项" link of a report's rows and of table-row search hits. A table 三 row is
 * its 总计 column, table 四 the 行政复议 total (the row holds all three groups), a table 二 row
 * its column printed in most formats, a 统计表 row the measure it maps to (if any).
 */
import type { TableId } from '@/lib/report/schema';
import { DEFAULT_QUERY } from '@/lib/search/query-schema';
import { MEASURES, measureById, type Measure } from './catalogue';
import { compareHref } from './compare-params';
import { statisticsKey } from './statistics-rows';

export interface RowRef {
  table: TableId | null | undefined;
  anchor: string;
  /** The row's label path (`path`, or a row document's `headingPath`). */
  path: readonly string[];
}

export interface RowPlace {
  issuer: string | null;
  province: string | null;
}

/** Of the counts reading the row, the one printed in most formats (a series that goes furthest), first on a tie. */
function firstReading(accepts: (measure: Measure) => boolean): Measure | undefined {
  return MEASURES.filter((measure) => !measure.isRate && accepts(measure)).reduce<Measure | undefined>(
    (best, measure) => (!best || measure.variants.length > best.variants.length ? measure : best),
    undefined,
  );
}

export function measureOfRow(row: RowRef): Measure | undefined {
  switch (row.table) {
    case '三':
      return measureById(`${row.anchor}.total`);
    case '四':
      return measureById('t4.review.total');
    case '二':
      return firstReading((measure) => measure.variants.some((variant) => variant.numerator.length === 1 && variant.numerator[0]!.anchor === row.anchor));
    case '统计表': {
      const key = statisticsKey(row.path);
      return key
        ? firstReading((measure) => measure.variants.some((variant) => variant.numerator.length === 1 && variant.numerator[0]!.anchor === key))
        : undefined;
    }
    default:
      return undefined;
  }
}

/** The comparison of the row's measure, over the years, for the report's issuer; null when the row is no measure. */
export function compareRowHref(row: RowRef, place: RowPlace): string | null {
  const measure = measureOfRow(row);
  if (!measure) return null;
  return compareHref({
    measure,
    filters: { ...DEFAULT_QUERY.filters, issuer: place.issuer ? [place.issuer] : [], province: place.province ? [place.province] : [] },
    sort: 'place',
  });
}
