/**
 * Chinese word segmentation (nodejieba): the only module that imports it. The dictionaries take
 * ~2.5 s and ~280 MB to load, so they are loaded once per process, on first use, and never by
 * code that does not segment (the start script's index check, the query side).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as NodeJieba from 'nodejieba';

/**
 * The domain's terms, added to jieba's default dictionaries: one `word frequency tag` per line
 * (cppjieba's format; no comments possible). The frequency, 10000, is that of a common word:
 * at jieba's default weight for user words, 其他处理 still split into 其他 + 处理.
 */
export const USER_DICT_PATH = fileURLToPath(new URL('./user.dict.utf8', import.meta.url));

let loaded: typeof NodeJieba | undefined;
let loadMs: number | undefined;

function jieba(): typeof NodeJieba {
  if (!loaded) {
    // cppjieba aborts the whole process (not a JS error) when a dictionary file cannot be opened.
    if (!existsSync(USER_DICT_PATH)) throw new Error(`jieba user dictionary not found: ${USER_DICT_PATH}`);
    const started = performance.now();
    const module = createRequire(import.meta.url)('nodejieba') as typeof NodeJieba;
    // Only `userDict` is given: `load` fills in the default main, HMM, IDF and stop-word dicts.
    module.load({ userDict: USER_DICT_PATH });
    loaded = module;
    loadMs = performance.now() - started;
  }
  return loaded;
}

/** Loads the dictionaries now (not on the first cut) and returns how long that took, in ms. */
export function loadSegmenter(): number {
  jieba();
  return loadMs ?? 0;
}

/** Precise-mode words. HMM is on: without it digit runs split into single digits (2020 → 2/0/2/0). */
export function cut(text: string): string[] {
  return jieba().cut(text, true);
}

/** Search-mode words: each word plus its two- and three-character dictionary sub-words. */
export function cutForSearch(text: string): string[] {
  return jieba().cutForSearch(text, true);
}

const NOT_A_TERM = /^[\p{P}\p{S}\p{Z}\p{C}\s]*$/u;

/**
 * Between two terms: a sentence end, which the engine counts as 8 word positions. The terms
 * are only there to be matched; with a space between them, words that are far apart in the
 * text sat side by side in the term list and outranked passages where they really are close
 * (measured: dev-09 fell from rank 1 to 2). A sentence end puts every pair at the engine's
 * maximum distance, so proximity is decided by the visible text alone.
 */
export const TERM_SEPARATOR = '。';
const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * The hidden `terms` field of a search document: the unique search-mode terms of `text`,
 * joined by TERM_SEPARATOR, punctuation and white space dropped. Search mode only adds sub-words of two
 * and three characters, so for longer Chinese words every dictionary word inside them is added
 * too (full mode on that word): 规范性文件 inside 行政规范性文件, 政府信息公开 inside
 * 政府信息公开条例. Meilisearch indexes the visible text with its own jieba, which keeps such a
 * word whole, so without these terms a search for the inner word misses the passage.
 */
export function searchTerms(text: string): string {
  const segmenter = jieba();
  const terms = new Set<string>();
  for (const word of segmenter.cutForSearch(text, true)) {
    if (NOT_A_TERM.test(word)) continue;
    terms.add(word);
    if (word.length > 3 && HAN_ONLY.test(word)) {
      for (const inner of segmenter.cutAll(word)) if (inner.length > 1) terms.add(inner);
    }
  }
  return [...terms].join(TERM_SEPARATOR);
}
