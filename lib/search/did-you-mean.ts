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

/** The piece with the character at `index` blanked out: terms one character off a piece share one such key. */
function blanked(piece: string, index: number): string {
  return `${piece.slice(0, index)}\u0000${piece.slice(index + 1)}`;
}

/**
 * Known terms indexed by how a stretch of a word can match them: by their syllables, and (3+
 * characters) by each way of blanking one character. Built once per set of terms: comparing
 * every word with every term cost ~7% of the portal's CPU per search (profile, 1,000 reports).
 */
export interface Vocabulary {
  /** Each term's rank: longer terms' corrections first, then the order given. */
  rank: Map<string, number>;
  bySound: Map<string, string[]>;
  byBlank: Map<string, string[]>;
  longest: number;
}

function add(index: Map<string, string[]>, key: string, term: string): void {
  const terms = index.get(key);
  if (terms) terms.push(term);
  else index.set(key, [term]);
}

export function createVocabulary(terms: readonly string[]): Vocabulary {
  const byLength = [...new Set(terms)].filter((term) => term.length >= 2).sort((a, b) => b.length - a.length);
  const vocabulary: Vocabulary = { rank: new Map(), bySound: new Map(), byBlank: new Map(), longest: byLength[0]?.length ?? 0 };
  byLength.forEach((term, rank) => {
    vocabulary.rank.set(term, rank);
    add(vocabulary.bySound, syllables(term).join(' '), term);
    if (term.length >= 3) for (let index = 0; index < term.length; index++) add(vocabulary.byBlank, blanked(term, index), term);
  });
  return vocabulary;
}

/**
 * Corrections of one word: the word with a stretch replaced by a term that sounds the same, or
 * (3+ characters) differs from it by one character; a term the word holds is never "corrected".
 */
function correctionsOf(word: string, vocabulary: Vocabulary): string[] {
  if (!HAN_RUN.test(word)) return [];
  const wordSyllables = syllables(word);
  const found: Array<{ term: string; at: number }> = [];
  for (let length = 2; length <= Math.min(word.length, vocabulary.longest); length++) {
    for (let at = 0; at + length <= word.length; at++) {
      const piece = word.slice(at, at + length);
      const alike = wordSyllables.length === word.length ? (vocabulary.bySound.get(wordSyllables.slice(at, at + length).join(' ')) ?? []) : [];
      const oneOff = length >= 3 ? Array.from({ length }, (_, index) => vocabulary.byBlank.get(blanked(piece, index)) ?? []).flat() : [];
      for (const term of new Set([...alike, ...oneOff])) {
        if (term.length === length && !word.includes(term)) found.push({ term, at });
      }
    }
  }
  return found
    .sort((a, b) => vocabulary.rank.get(a.term)! - vocabulary.rank.get(b.term)! || a.at - b.at)
    .map(({ term, at }) => word.slice(0, at) + term + word.slice(at + term.length));
}

/** The query with one word corrected, each way once, longer terms' corrections first. */
export function corrections(q: string, vocabulary: Vocabulary, limit = 3): string[] {
  const words = q.split(' ').filter(Boolean);
  const found = words.flatMap((word, index) =>
    correctionsOf(word, vocabulary).map((corrected) => [...words.slice(0, index), corrected, ...words.slice(index + 1)].join(' ')),
  );
  return [...new Set(found)].slice(0, limit);
}
