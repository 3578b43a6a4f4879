/**
 * The domain's synonyms checked against the real reports: data/ as the indexer writes it, in a
 * throwaway engine (test/support/corpus-engine.ts), each rule's words counted with the synonyms
 * and again with none. Each rule must add hits, and what it adds must come from the report's
 * term (not flood the results).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { CORPUS_PREFIX, startCorpusEngine } from '@/test/support/corpus-engine';
import { adminClient, settle } from './engine';
import { liveIndexNames } from './index-names';
import { SYNONYM_DATA } from './synonyms';

let engine: RunningEngine;
let client: Meilisearch;
const uid = liveIndexNames(CORPUS_PREFIX).documents;

/** Counts of each word, with the index's synonyms and with none. */
const withSynonyms = new Map<string, number>();
const withoutSynonyms = new Map<string, number>();
let documents = 0;

const WORDS = [...new Set([...SYNONYM_DATA.oneWay.flatMap((rule) => [...rule.readers, rule.reports]), '行政复议', '行政复议案件', '不予公开', '不予公开案件'])];

async function count(q: string): Promise<number> {
  const answer = await client.index(uid).search(q, { page: 1, hitsPerPage: 0, locales: ['cmn'], matchingStrategy: 'all' });
  return answer.totalHits ?? 0;
}

before(async () => {
  engine = await startCorpusEngine();
  client = adminClient({ url: engine.url, apiKey: engine.masterKey });
  documents = await count('');
  for (const word of WORDS) withSynonyms.set(word, await count(word));
  await settle(client, client.index(uid).updateSettings({ synonyms: {} }));
  for (const word of WORDS) withoutSynonyms.set(word, await count(word));
});
after(() => engine?.stop());

/**
 * Flooding: a rule adding more than its term finds (政务公开 → 政府信息公开 added nine tenths of
 * all documents, through the titles), or a term that itself finds more than half the documents.
 */
test("each reader's word finds more with its rule, the added hits at most the report term's own, and none floods", () => {
  for (const rule of SYNONYM_DATA.oneWay) {
    const term = withSynonyms.get(rule.reports)!;
    assert.ok(term > 0, `${rule.reports} is in the reports`);
    assert.ok(term <= documents / 2, `${rule.reports} floods: ${term} of ${documents}`);
    for (const reader of rule.readers) {
      const added = withSynonyms.get(reader)! - withoutSynonyms.get(reader)!;
      assert.ok(added > 0, `${reader} → ${rule.reports} adds no hits`);
      assert.ok(added <= term, `${reader} adds ${added}, more than ${rule.reports} finds (${term})`);
    }
  }
});

test('a longer phrase holding a term finds what the term finds', () => {
  assert.equal(withSynonyms.get('行政复议案件'), withSynonyms.get('行政复议'));
  assert.ok(withoutSynonyms.get('行政复议案件')! < withSynonyms.get('行政复议案件')!);
  assert.ok(withSynonyms.get('不予公开案件')! > withoutSynonyms.get('不予公开案件')!);
});
