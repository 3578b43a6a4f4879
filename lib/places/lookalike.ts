/**
 * A county-level name the division data does not know, read as the division it is one
 * character away from, when the report names that division's city or province too and the
 * two characters look alike: `沐阳县` (a typist's or OCR's 沐 for 沭) with 宿迁 named elsewhere
 * is 沭阳县 of 宿迁市, not 泗阳县 of the same city. Look-alike is measured on the characters'
 * stroke sequences (cnchar's stroke-order data): 沐 kkijfsl and 沭 kkijfslk are one stroke
 * apart, 泗 kkifcsbj four. Without such support, or with two equally close candidates,
 * nothing is guessed.
 */
import cnchar from 'cnchar';
import strokeOrder from 'cnchar-order';
import { loadDivisions, type Division } from './divisions';
import { placeMentions } from './index';

cnchar.use(strokeOrder);

/** `沐阳县`: a name with a division suffix, short enough to be one county-level name. */
const COUNTY_LEVEL_NAME = /^[\u4e00-\u9fff]{1,6}(?:县|区|市|旗)$/;
/** Two characters look alike when their stroke sequences differ in at most this share of strokes. */
export const LOOKALIKE_MAX = 0.34;

/** The one position where `a` and `b` differ, or -1 when they differ in none or several. */
function onlyDifference(a: string, b: string): number {
  if (a.length !== b.length) return -1;
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at !== -1) return -1;
    at = i;
  }
  return at;
}

function strokes(character: string): string | null {
  const [sequence] = cnchar.stroke(character, 'order') as Array<string | undefined>;
  return sequence ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Stroke difference of two characters as a share of the longer sequence; 1 when unknown. */
export function strokeDifference(a: string, b: string): number {
  const sa = strokes(a);
  const sb = strokes(b);
  if (!sa || !sb) return 1;
  return editDistance(sa, sb) / Math.max(sa.length, sb.length);
}

/** Whether `context` names a division above `division` (its city or its province) unambiguously. */
function namesAnAncestor(division: Division, context: string): boolean {
  const ancestors = new Set([division.code.slice(0, 4), division.code.slice(0, 2)]);
  return placeMentions(context).some((mention) => mention.candidates.length === 1 && ancestors.has(mention.candidates[0]!.code));
}

export interface LookalikeMatch {
  division: Division;
  /** The name as the report wrote it. */
  written: string;
}

/**
 * The county-level division whose name differs from `name` in one look-alike character (the
 * suffix the same), whose city or province `context` names, and which is closer than any
 * other such division; null otherwise.
 */
export function lookalikeDivision(name: string, context: string): LookalikeMatch | null {
  if (!COUNTY_LEVEL_NAME.test(name)) return null;
  const scored = loadDivisions()
    .filter((division) => division.level === 'district' && division.name.endsWith(name.slice(-1)))
    .flatMap((division) => {
      const at = onlyDifference(division.name, name);
      if (at === -1) return [];
      const difference = strokeDifference(division.name[at]!, name[at]!);
      return difference <= LOOKALIKE_MAX ? [{ division, difference }] : [];
    })
    .filter(({ division }) => namesAnAncestor(division, context))
    .sort((a, b) => a.difference - b.difference);
  const [best, next] = scored;
  if (!best || (next && next.difference === best.difference)) return null;
  return { division: best.division, written: name };
}
