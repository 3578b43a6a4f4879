/**
 * A query's words, as a reader would count them: the domain's terms whole (`行政复议`, which a
 * general segmenter cuts into 行政 / 复 / 议案), the rest by the platform's word segmenter (ICU's
 * dictionary, no jieba in the portal). Used to say which word a relaxed search dropped.
 */
import { reportTerms } from '@/lib/index/synonyms';

const SEGMENTER = new Intl.Segmenter('zh-CN', { granularity: 'word' });

let terms: string[] | undefined;

/** Longest first, so that 行政复议 wins over 复议. */
function domainTerms(): string[] {
  terms ??= reportTerms().sort((a, b) => b.length - a.length);
  return terms;
}

function segmented(text: string): string[] {
  return [...SEGMENTER.segment(text)].filter((part) => part.isWordLike).map((part) => part.segment);
}

function wordsOf(token: string): string[] {
  const words: string[] = [];
  let rest = '';
  for (let at = 0; at < token.length;) {
    const term = domainTerms().find((candidate) => token.startsWith(candidate, at));
    if (term) {
      words.push(...segmented(rest), term);
      rest = '';
      at += term.length;
    } else {
      rest += token[at];
      at += 1;
    }
  }
  return [...words, ...segmented(rest)];
}

/** The query's words in order, each once. */
export function queryWords(q: string): string[] {
  return [...new Set(q.split(/\s+/).filter(Boolean).flatMap(wordsOf))];
}
