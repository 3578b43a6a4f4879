/**
 * "Did you mean": the query with one stretch of a word replaced by a known term that sounds the
 * same (the same pinyin, tones aside: `行政复意` → 行政复议, the commonest slip of pinyin input)
 * or, for terms of three characters or more, differs from it by one character. Known terms are
 * the domain's (synonyms.json) and the place names of the index; pinyin from pinyin-pro.
 * Which correction is offered is the caller's choice, by the hits each one finds.
 */
import { pinyin } from 'pinyin-pro';

const HAN_RUN = /^\p{Script=Han}+$/u;

const spoken = new Map<string, string[]>();

/** Syllables without tones, one per character. */
function syllables(text: string): string[] {
  let cached = spoken.get(text);
  if (!cached) {
    cached = pinyin(text, { toneType: 'none', type: 'array' });
    spoken.set(text, cached);
  }
  return cached;
}

function oneCharacterOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3) return false;
  let differences = 0;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) differences++;
  return differences === 1;
}

function soundsAlike(piece: string, pieceSyllables: readonly string[], term: string): boolean {
  const termSyllables = syllables(term);
  return termSyllables.length === pieceSyllables.length && termSyllables.every((syllable, index) => syllable === pieceSyllables[index]);
}

/** Corrections of one word: the word with a stretch replaced by a term; the term itself is never "corrected". */
function correctionsOf(word: string, terms: readonly string[]): string[] {
  if (!HAN_RUN.test(word)) return [];
  const wordSyllables = syllables(word);
  const found: string[] = [];
  for (const term of terms) {
    if (word.includes(term)) continue;
    for (let at = 0; at + term.length <= word.length; at++) {
      const piece = word.slice(at, at + term.length);
      const alike = wordSyllables.length === word.length && soundsAlike(piece, wordSyllables.slice(at, at + term.length), term);
      if (alike || oneCharacterOff(piece, term)) found.push(word.slice(0, at) + term + word.slice(at + term.length));
    }
  }
  return found;
}

/** The query with one word corrected, each way once, longer terms' corrections first. */
export function corrections(q: string, terms: readonly string[], limit = 3): string[] {
  const byLength = [...new Set(terms)].filter((term) => term.length >= 2).sort((a, b) => b.length - a.length);
  const words = q.split(' ').filter(Boolean);
  const found = words.flatMap((word, index) =>
    correctionsOf(word, byLength).map((corrected) => [...words.slice(0, index), corrected, ...words.slice(index + 1)].join(' ')),
  );
  return [...new Set(found)].slice(0, limit);
}
