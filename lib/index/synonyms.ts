/**
 * The domain's synonyms, kept as data (synonyms.json) and turned into the engine's synonyms
 * setting. Not 政务公开 → 政府信息公开: 政务公开 is the broader duty, and since every title holds
 * 政府信息公开, that synonym made 政务公开 match all 858 documents (74 contain it).
 */
import { z } from 'zod';
import data from './synonyms.json' with { type: 'json' };

const SynonymData = z.object({
  about: z.string(),
  oneWay: z.array(z.object({ readers: z.array(z.string().min(2)).min(1), reports: z.string().min(2), why: z.string() })),
  terms: z.array(z.string().min(2)),
  phraseTerms: z.array(z.string().min(2)),
  phraseTails: z.array(z.string().min(1)),
});

export const SYNONYM_DATA = SynonymData.parse(data);

/** The terms the reports print: the domain's terms and those a rule leads to. */
export function reportTerms(rules = SYNONYM_DATA): string[] {
  return [...new Set([...rules.terms, ...rules.oneWay.map((rule) => rule.reports)])];
}

/**
 * word → the words it also finds, as Meilisearch takes them: a reader's word finds the report's
 * term; a phrase term with a generic tail (`行政复议案件`) the term alone, as well as the phrase.
 */
export function engineSynonyms(rules = SYNONYM_DATA): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  const add = (word: string, also: string[]) => {
    synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...also.filter((other) => other !== word)])];
  };
  for (const rule of rules.oneWay) for (const reader of rule.readers) add(reader, [rule.reports]);
  for (const term of rules.phraseTerms) for (const tail of rules.phraseTails) add(`${term}${tail}`, [term]);
  return synonyms;
}
