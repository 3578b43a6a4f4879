/**
 * Cell text → number. Normalisation here is for parsing only: callers keep the text as found
 * for `raw`. Full-width digits and punctuation fold to ASCII one character at a time, so an
 * offset in the normalised text is the same offset in the original.
 */

/** Units a cell may carry after its number (`588项`, `202529227.9元`, `0万元`). */
export const CELL_UNITS = ['万元', '元', '项', '件', '个', '条', '次'] as const;
export type CellUnit = (typeof CELL_UNITS)[number];

const MINUS_SIGNS = new Set(['−', '－', '﹣']);

/** One character folded for matching: NFKC when it stays one character, minus signs to '-'. */
const FOLDED = new Map<string, string>();

function foldChar(c: string): string {
  let f = FOLDED.get(c);
  if (f === undefined) {
    const n = c.normalize('NFKC');
    f = MINUS_SIGNS.has(c) ? '-' : n.length === 1 ? n : c;
    FOLDED.set(c, f);
  }
  return f;
}

/** ASCII and CJK ideographs (most of a report) are their own fold. */
const UNCHANGED = /^[\u0000-\u007f\u4e00-\u9fff]*$/;

/** Same length as the input: full-width forms folded, ideographic and no-break spaces to ' '. */
export function fold(text: string): string {
  if (UNCHANGED.test(text)) return text;
  let out = '';
  for (const c of text) {
    const f = foldChar(c);
    // Astral characters are two UTF-16 units; keep them as they are so offsets still line up.
    out += f.length === c.length ? f : c;
  }
  return out.replace(/[\u3000\u00a0\u2002-\u200a]/g, ' ');
}

/** Markers a table uses for a cell with nothing in it. */
const BLANK_MARKERS = new Set(['', '-', '—', '–', '/', '——', '--']);

export type CellValue = { kind: 'blank' } | { kind: 'number'; value: number; unit: CellUnit | null } | { kind: 'text' };

/** The units as a regular-expression alternation, longest first. */
export const UNIT_PATTERN = CELL_UNITS.join('|');
const NUMBER_CELL = new RegExp(`^([+-]?)(\\d+(?:\\.\\d+)?)(${UNIT_PATTERN})?$`);
const GROUPED_NUMBER_CELL = new RegExp(`^([+-]?)(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?)(${UNIT_PATTERN})?$`);

/** Reads one cell whose boundaries are known. Whitespace inside a number is not accepted. */
export function parseCell(text: string): CellValue {
  const t = fold(text).trim();
  if (BLANK_MARKERS.has(t)) return { kind: 'blank' };
  const m = NUMBER_CELL.exec(t) ?? GROUPED_NUMBER_CELL.exec(t);
  if (!m) return { kind: 'text' };
  const digits = (m[2] ?? '').replace(/,/g, '');
  const value = Number(digits) * (m[1] === '-' ? -1 : 1);
  return { kind: 'number', value: Object.is(value, -0) ? 0 : value, unit: (m[3] as CellUnit | undefined) ?? null };
}

/** True for a cell that is a number or an empty-cell marker, i.e. not part of a label. */
export function isValueCell(text: string): boolean {
  return parseCell(text).kind !== 'text';
}

/**
 * A single cell cannot start with a zero unless it is 0 or 0.x: '00' or '023' printed as one
 * token means cells ran together.
 */
export function hasLeadingZero(token: string): boolean {
  const t = fold(token).trim().replace(/^[+-]/, '');
  return /^0\d/.test(t);
}

/** Value tokens inside running text: signed numbers with an optional unit, as they are printed. */
export const VALUE_TOKEN = new RegExp(`[+-]?\\d+(?:\\.\\d+)?(?:${UNIT_PATTERN})?`, 'g');
