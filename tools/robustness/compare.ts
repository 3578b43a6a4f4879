/**
 * A variant's parse against the original's: the metadata it was expected to keep, the section
 * headings, and every figure. A figure the variant reads as another number is `different`,
 * which is never acceptable; one it cannot read is `fewer`; one the original could not read
 * but the variant does is `more` (counted, not trusted).
 */
import { toSimplified } from '@/lib/parse/script';
import type { ParsedReport } from '@/lib/report/schema';
import type { MetaExpectation } from './variants';

export type Outcome = 'same' | 'fewer' | 'different';

export interface FigureDifference {
  anchor: string;
  column: string;
  original: number;
  variant: number | null;
}

export interface Comparison {
  outcome: Outcome;
  figures: { same: number; fewer: number; different: number; more: number };
  /** Figures read differently (the `different` ones), and the first few missing. */
  changed: FigureDifference[];
  missing: FigureDifference[];
  /** Metadata fields the variant read otherwise, as `field: original → variant`. */
  metadata: string[];
  /** Headings of the original the variant does not have. */
  headings: string[];
}

const META_FIELDS = { all: ['year', 'issuer', 'province', 'city', 'district'], place: ['year', 'province', 'city', 'district'], none: [] } as const;

/** A heading compared as read: simplified, without spaces, brackets and colons in one width. */
function headingKey(heading: string): string {
  return toSimplified(heading)
    .replace(/\s+/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[：:]/g, ':')
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A figure's identity: its table, its row's label path and its column. Not the anchor: the
 * pre-2019 统计表's anchors count its rows, so one row more or less renumbers the rest.
 */
function values(report: ParsedReport): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of report.rows) {
    const key = `${row.table} ${row.path.map(headingKey).join(' / ')}`;
    for (const [column, value] of Object.entries(row.values)) map.set(`${key}\u0000${column}`, value);
  }
  return map;
}

function split(key: string, original: number, variant: number | null): FigureDifference {
  const [anchor, column] = key.split('\u0000') as [string, string];
  return { anchor, column, original, variant };
}

export function compareParses(original: ParsedReport, variant: ParsedReport, expect: MetaExpectation): Comparison {
  const before = values(original);
  const after = values(variant);
  const figures = { same: 0, fewer: 0, different: 0, more: 0 };
  const changed: FigureDifference[] = [];
  const missing: FigureDifference[] = [];
  for (const [key, value] of before) {
    const read = after.get(key);
    if (read === undefined) {
      figures.fewer += 1;
      missing.push(split(key, value, null));
    } else if (read === value) figures.same += 1;
    else {
      figures.different += 1;
      changed.push(split(key, value, read));
    }
  }
  for (const key of after.keys()) if (!before.has(key)) figures.more += 1;

  const metadata = META_FIELDS[expect].flatMap((field) => {
    const a = original.report[field];
    const b = variant.report[field];
    return a === b ? [] : [`${field}: ${a ?? '—'} → ${b ?? '—'}`];
  });
  const variantHeadings = new Set(variant.sections.map((s) => headingKey(s.heading)));
  const headings = [...new Set(original.sections.filter((s) => s.depth > 0).map((s) => s.heading))].filter((h) => !variantHeadings.has(headingKey(h)));

  const outcome: Outcome = figures.different > 0 ? 'different' : figures.fewer > 0 || headings.length > 0 || metadata.length > 0 ? 'fewer' : 'same';
  return { outcome, figures, changed, missing, metadata, headings };
}
