/**
 * Relevance as a regression test: the data folder as the indexer writes it, in a throwaway
 * engine (test/support/corpus-engine.ts), the dev and sub-word query sets run through the
 * portal's search and the Meilisearch-defaults baseline.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { CORPUS_PREFIX, startCorpusEngine } from '@/test/support/corpus-engine';
import { adminClient } from '@/lib/index/engine';
import { liveIndexNames } from '@/lib/index/index-names';
import { createSearchEngine } from '@/lib/search/query-engine';
import { buildBaselineIndex } from './baseline';
import { loadQueries } from './queries';
import { formatEvaluation } from './report';
import { runQueries, type EvalRun } from './run';
import { baselineSearcher, portalSearcher, type Searcher } from './searchers';

const PREFIX = CORPUS_PREFIX;
let engine: RunningEngine;
let client: Meilisearch;
let portal: Searcher;
let baseline: Searcher;

before(async () => {
  engine = await startCorpusEngine();
  client = adminClient({ url: engine.url, apiKey: engine.masterKey });
  await buildBaselineIndex(client, liveIndexNames(PREFIX).documents, `${PREFIX}_baseline`);
  portal = portalSearcher(createSearchEngine({ host: engine.url, apiKey: engine.masterKey, prefix: PREFIX }));
  baseline = baselineSearcher(client, `${PREFIX}_baseline`);
});
after(() => engine?.stop());

async function compare(file: string): Promise<[EvalRun, EvalRun]> {
  const queries = await loadQueries(file);
  return [await runQueries('portal', queries, portal), await runQueries('baseline', queries, baseline)];
}

test('dev set: every query finds its evidence in the top 10, MRR@10 at least 0.9', async (t) => {
  const [portalRun, baselineRun] = await compare('tools/eval/queries.dev.json');
  for (const line of formatEvaluation(await loadQueries('tools/eval/queries.dev.json'), [portalRun, baselineRun]).split('\n')) t.diagnostic(line);
  for (const score of portalRun.scores) assert.equal(score.recallAt10, 1, `${score.id} misses evidence in the top 10`);
  assert.ok(portalRun.overall.mrrAt10 >= 0.9, `MRR@10 ${portalRun.overall.mrrAt10}`);
});

test('sub-word set: words inside longer words are found, the baseline misses them', async (t) => {
  const [portalRun, baselineRun] = await compare('tools/eval/queries.subwords.json');
  for (const line of formatEvaluation(await loadQueries('tools/eval/queries.subwords.json'), [portalRun, baselineRun]).split('\n')) t.diagnostic(line);
  for (const score of portalRun.scores) assert.equal(score.recallAt10, 1, `${score.id} misses evidence in the top 10`);
  assert.ok(portalRun.overall.mrrAt10 >= baselineRun.overall.mrrAt10 + 0.5, `${portalRun.overall.mrrAt10} vs ${baselineRun.overall.mrrAt10}`);
});

test('natural set: years, places, readers’ words as people type them; the portal well ahead of the baseline', async (t) => {
  const [portalRun, baselineRun] = await compare('tools/eval/queries.natural.json');
  for (const line of formatEvaluation(await loadQueries('tools/eval/queries.natural.json'), [portalRun, baselineRun]).split('\n')) t.diagnostic(line);
  assert.ok(portalRun.overall.mrrAt10 >= 0.7, `MRR@10 ${portalRun.overall.mrrAt10}`);
  assert.ok(portalRun.overall.mrrAt10 >= baselineRun.overall.mrrAt10 + 0.2, `${portalRun.overall.mrrAt10} vs ${baselineRun.overall.mrrAt10}`);
});
