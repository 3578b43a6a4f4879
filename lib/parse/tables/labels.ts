/**
 * Recognising printed row labels: which template rows a piece of label text names, and where
 * labels start inside a line whose cells and labels run together.
 */
import { fold } from './numbers';
import type { TemplateRow } from './templates';

/** Folded text without whitespace, with each character's offset in the original string. */
export interface Compact {
  text: string;
  offsets: number[];
}

export function compact(original: string): Compact {
  const folded = fold(original);
  let text = '';
  const offsets: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i] as string;
    if (/\s/.test(c)) continue;
    text += c;
    offsets.push(i);
  }
  return { text, offsets };
}

const GLOBAL = new WeakMap<RegExp, RegExp>();

/** The key as a global pattern, compiled once (the templates are module constants). */
function globalVersion(key: RegExp): RegExp {
  let g = GLOBAL.get(key);
  if (!g) {
    g = new RegExp(key.source, 'g');
    GLOBAL.set(key, g);
  }
  return g;
}

export interface LabelHit {
  row: TemplateRow;
  /** Offsets in the original string: where the label starts and where its key ends. */
  start: number;
  end: number;
}

/**
 * Every key occurrence in `original`, leftmost first, overlaps resolved in favour of the longer
 * match (so '行政规范性文件' wins over the '规范性文件' inside it).
 */
export function findLabels(original: string, rows: TemplateRow[]): LabelHit[] {
  const c = compact(original);
  const found: { row: TemplateRow; s: number; e: number }[] = [];
  for (const row of rows) {
    for (const key of row.keys) {
      const g = globalVersion(key);
      g.lastIndex = 0;
      for (let m = g.exec(c.text); m; m = g.exec(c.text)) {
        if (m[0].length === 0) {
          g.lastIndex++;
          continue;
        }
        found.push({ row, s: m.index, e: m.index + m[0].length });
      }
    }
  }
  found.sort((a, b) => a.s - b.s || b.e - b.s - (a.e - a.s));
  const kept: typeof found = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.s < last.e) {
      if (last.row === f.row) last.e = Math.max(last.e, f.e);
      else if (f.e - f.s > last.e - last.s) kept[kept.length - 1] = f;
      continue;
    }
    kept.push(f);
  }
  return kept.map((f) => ({
    row: f.row,
    start: c.offsets[f.s] as number,
    end: (c.offsets[f.e - 1] as number) + 1,
  }));
}

/** Drops a group row when one of its own rows is also named (the printed row carries both). */
function mostSpecific(rows: TemplateRow[]): TemplateRow[] {
  const anchors = new Set(rows.map((r) => r.anchor));
  return rows.filter((r) => !rows.some((o) => o !== r && o.parent === r.anchor && anchors.has(o.anchor)));
}

/**
 * The template rows a label text can name. Keys first; failing that, a fragment of at least four
 * characters that occurs inside canonical labels (a label cut in two by a converter) names all
 * the rows it occurs in.
 */
export function labelCandidates(labelText: string, rows: TemplateRow[]): TemplateRow[] {
  const hits = findLabels(labelText, rows);
  if (hits.length > 0) {
    const unique = [...new Set(hits.map((h) => h.row))];
    return mostSpecific(unique);
  }
  const fragment = compact(labelText)
    .text.replace(/^[\d.、,()]+/, '')
    .replace(/[、,。.]+$/, '');
  if ([...fragment].length < 4) return [];
  return rows.filter((r) => compact(r.path[r.path.length - 1] as string).text.includes(fragment));
}
