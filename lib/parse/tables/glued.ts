/**
 * The possible readings of a printed row: how its pieces become exactly `n` cells. A piece that
 * is one cell is read as it is; a token of running text may hold several cells that ran
 * together ('7000007', '230 000023'), so every split into cells is listed (no cell starts with a
 * zero unless it is 0; signs and units stay with their number). A row printed with fewer cells
 * than columns, each cell known to be one (the 2020 下城区 row 四 has 4 cells for 7 columns), is
 * listed with the missing cells at every possible place. The identities choose among readings
 * later; nothing here prefers one reading to another.
 */
import type { Piece } from './cells';
import { type CellUnit, fold, hasLeadingZero, parseCell, UNIT_PATTERN } from './numbers';

export interface ReadCell {
  value: number;
  unit: CellUnit | null;
}

/** One way to read the row: a cell per column, null where the row has nothing for it. */
export type Reading = (ReadCell | null)[];

export interface RowReadings {
  readings: Reading[];
  /** True when some piece had to be cut into several cells. */
  split: boolean;
  /** True when fewer cells than columns were placed among the columns. */
  placed: boolean;
  /**
   * How many empty cells beyond the columns the row printed (a label column left blank, a
   * converter's extra column): each way of dropping them from its ends is a reading.
   */
  extraBlanks?: number;
  /** Why there is no reading at all, when there is none. */
  reason: string | null;
}

/** Beyond this many readings a row is reported unreadable instead of searched further. */
const MAX_READINGS = 20000;

const SOFT_TOKEN = new RegExp(`^([+-]?)(\\d+)(\\.\\d+)?(${UNIT_PATTERN})?$`);

/** Every split of one token into exactly `m` cells, as cells. */
function splitToken(token: string, m: number): ReadCell[][] {
  const t = SOFT_TOKEN.exec(fold(token).trim());
  if (!t) return [];
  const [, sign = '', int = '', frac = '', unit] = t;
  if (m > int.length) return [];
  const out: ReadCell[][] = [];
  const cell = (digits: string, first: boolean, last: boolean): ReadCell | null => {
    if (digits.length > 1 && digits.startsWith('0')) return null;
    const text = (first ? sign : '') + digits + (last ? frac : '');
    const value = Number(text);
    return { value: Object.is(value, -0) ? 0 : value, unit: last ? ((unit as CellUnit | undefined) ?? null) : null };
  };
  const walk = (from: number, left: number, acc: ReadCell[]) => {
    if (out.length > MAX_READINGS) return;
    if (left === 1) {
      const c = cell(int.slice(from), from === 0, true);
      if (c) out.push([...acc, c]);
      return;
    }
    for (let to = from + 1; to <= int.length - (left - 1); to++) {
      const c = cell(int.slice(from, to), from === 0, false);
      if (c) walk(to, left - 1, [...acc, c]);
      if (int[from] === '0') break; // a cell starting with 0 can only be '0'
    }
  };
  walk(0, m, []);
  return out;
}

function cellCount(token: string): number {
  return SOFT_TOKEN.exec(fold(token).trim())?.[2]?.length ?? 0;
}

function explicitCell(text: string): ReadCell | null | 'text' {
  const c = parseCell(text);
  if (c.kind === 'text') return 'text';
  return c.kind === 'blank' ? null : { value: c.value, unit: c.unit };
}

/** Choices of `k` columns out of `n`, in order. */
function placements(n: number, k: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, acc: number[]) => {
    if (acc.length === k) {
      out.push(acc);
      return;
    }
    for (let i = from; i <= n - (k - acc.length); i++) walk(i + 1, [...acc, i]);
  };
  walk(0, []);
  return out;
}

export function rowReadings(pieces: Piece[], n: number): RowReadings {
  // An empty-cell mark is one cell wherever it is printed; so is a stated cell, unless it starts
  // with a zero ('00' printed as one cell is two cells that ran together).
  const asOne = pieces.map((p) => (p.explicit && !hasLeadingZero(p.text)) || parseCell(p.text).kind === 'blank');
  if (asOne.every(Boolean)) return explicitReadings(pieces, n);

  const counts = pieces.map((p, i) => (asOne[i] ? 1 : cellCount(p.text)));
  const readings: Reading[] = [];
  const walk = (i: number, acc: Reading) => {
    if (readings.length > MAX_READINGS) return;
    if (i === pieces.length) {
      if (acc.length === n) readings.push(acc);
      return;
    }
    const piece = pieces[i] as Piece;
    const minRest = pieces.length - i - 1;
    if (asOne[i]) {
      const c = explicitCell(piece.text);
      if (c !== 'text') walk(i + 1, [...acc, c]);
      return;
    }
    const maxHere = Math.min(counts[i] as number, n - acc.length - minRest);
    for (let m = 1; m <= maxHere; m++) {
      for (const cells of splitToken(piece.text, m)) walk(i + 1, [...acc, ...cells]);
    }
  };
  walk(0, []);
  if (readings.length > MAX_READINGS) {
    return { readings: [], split: true, placed: false, reason: `拆法超过 ${MAX_READINGS} 种，不再逐一判断` };
  }
  const reason = readings.length === 0 ? `无法读成 ${n} 列` : null;
  // Every piece is at least one cell, so as many pieces as columns means nothing was cut.
  return { readings, split: pieces.length !== n, placed: false, reason };
}

/**
 * A row with more cells than columns, the extra ones empty: an empty label cell before the
 * numbers, a converter's extra column after them. Which end they stand at is not known, so each
 * way of dropping them from the ends is a reading, and the identities choose.
 */
function withoutExtraBlanks(cells: Reading, n: number): RowReadings {
  const extra = cells.length - n;
  const readings: Reading[] = [];
  for (let leading = 0; leading <= extra; leading++) {
    const dropped = [...cells.slice(0, leading), ...cells.slice(cells.length - (extra - leading))];
    if (dropped.every((cell) => cell === null)) readings.push(cells.slice(leading, leading + n));
  }
  if (readings.length === 0) return { readings, split: false, placed: false, reason: `${cells.length} 个单元格，多于 ${n} 列` };
  const distinct = [...new Map(readings.map((reading) => [JSON.stringify(reading), reading])).values()];
  // Empty cells at one end only (a converter's extra column): the row reads one way, as printed.
  return { readings: distinct, split: false, placed: false, ...(distinct.length > 1 ? { extraBlanks: extra } : {}), reason: null };
}

/** How many numbers a placed row printed: every reading places the same ones. */
export function placedNumbers(r: RowReadings): number {
  return r.readings[0]?.filter(Boolean).length ?? 0;
}

function explicitReadings(pieces: Piece[], n: number): RowReadings {
  const cells: (ReadCell | null)[] = [];
  for (const p of pieces) {
    const c = explicitCell(p.text);
    if (c === 'text') return { readings: [], split: false, placed: false, reason: `“${p.text}”不是数字` };
    cells.push(c);
  }
  if (cells.length > n) return withoutExtraBlanks(cells, n);
  if (cells.length === n) return { readings: [cells], split: false, placed: false, reason: null };
  const readings = placements(n, cells.length).map((cols) => {
    const r: Reading = Array.from({ length: n }, () => null);
    cols.forEach((col, i) => {
      r[col] = cells[i] ?? null;
    });
    return r;
  });
  return { readings, split: false, placed: true, reason: null };
}
