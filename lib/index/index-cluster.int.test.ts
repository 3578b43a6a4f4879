/**
 * The cluster indexer against two real Meilisearch servers: each report goes to its province's
 * server, the engine's network settings let either server search both, one server can be
 * rebuilt alone, and a server whose settings are not this indexer's stops a partial run with
 * the server and setting named. Reports are the indexer fixtures (real text of one report)
 * published under other places, one small file each.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import { fetchDefaultKeys } from '@/lib/engine/keys';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { startTestEngine } from '@/test/support/test-engine';
import { ParsedReport } from '@/lib/report/schema';
import { adminClient, settle } from './engine';
import { sampleReport } from '@/test/support/sample-report';
import { liveIndexNames } from './index-names';
import type { ReportParser } from './parser';
import { readIndexState } from './state';
import { getIndexSummary } from '@/lib/search/query';
import { parseClusterConfig, withAdminKeys, type AdminClusterConfig } from '@/lib/cluster/config';
import { indexCluster } from './index-cluster';
import { clusterSearchEngine } from '@/lib/search/cluster-engine';

const PREFIX = 'cluster_indexer';
const PLACES: Record<string, Partial<ParsedReport['report']>> = {
  'pingtan-2020.txt': { province: '福建省', city: '福州市', district: '平潭综合实验区', issuer: '平潭综合实验区管委会' },
  'pingtan-2021.txt': { year: 2021, province: '福建省', city: '福州市', district: '平潭综合实验区', issuer: '平潭综合实验区管委会' },
  'xiacheng-2020.txt': {},
  'hongze-2020.txt': { province: '江苏省', city: '淮安市', district: '洪泽区', issuer: '淮安市洪泽区人民政府' },
};

let parsedFiles = 0;
/** Each file is the fixture report under the place of its name. */
const parser: ReportParser = {
  parseFile: async (file) => {
    parsedFiles += 1;
    const base = sampleReport({ id: path.basename(file, '.txt') });
    return ParsedReport.parse({ ...base, report: { ...base.report, ...PLACES[path.basename(file)] } });
  },
  markDuplicates: (reports) => reports,
};

let engines: RunningEngine[];
let config: AdminClusterConfig;
let dataDir: string;
const admin = (name: string): Meilisearch => adminClient({ url: config.servers[name]!.url, apiKey: config.servers[name]!.adminKey });
const index = (server?: string) => indexCluster({ config, server, paths: [dataDir], dataDir, prefix: PREFIX, parser });

async function reportIdsOn(name: string): Promise<string[]> {
  const { results } = await admin(name)
    .index(liveIndexNames(PREFIX).reports)
    .getDocuments({ fields: ['reportId'] });
  return results.map((document) => String(document.reportId)).sort();
}

before(async () => {
  engines = await Promise.all([startTestEngine(), startTestEngine()]);
  const servers = await Promise.all(engines.map(async (engine) => ({ url: engine.url, ...(await fetchDefaultKeys(engine.url, engine.masterKey)) })));
  config = withAdminKeys(parseClusterConfig({ servers: { ms0: servers[0], ms1: servers[1] }, shards: { 福建省: 'ms0', '*': 'ms1' } }, 'test'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'cluster-data-'));
  for (const file of Object.keys(PLACES)) await writeFile(path.join(dataDir, file), file);
});
after(async () => {
  await Promise.all(engines.map((engine) => engine.stop()));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("each report on its province's server, each file read once; either server searches both", async () => {
  const summaries = await index();
  assert.equal(parsedFiles, Object.keys(PLACES).length);
  assert.deepEqual(
    summaries.map(({ server, summary }) => [server, summary.mode, summary.reports]),
    [
      ['ms0', 'rebuild', 2],
      ['ms1', 'rebuild', 2],
    ],
  );
  assert.deepEqual(await reportIdsOn('ms0'), ['pingtan-2020', 'pingtan-2021']);
  assert.deepEqual(await reportIdsOn('ms1'), ['hongze-2020', 'xiacheng-2020']);
  for (const name of ['ms0', 'ms1']) {
    const network = await admin(name).getNetwork();
    assert.equal(network.self, name);
    assert.deepEqual(Object.keys(network.remotes ?? {}).sort(), ['ms0', 'ms1']);
    assert.equal(network.remotes?.ms0?.searchApiKey, config.servers.ms0!.searchKey);
  }
  const summary = await getIndexSummary(clusterSearchEngine(config, PREFIX));
  assert.equal(summary.reports, 4);
  assert.deepEqual(summary.provinces.map(({ value }) => value).sort(), ['江苏省', '浙江省', '福建省'].sort());
});

test('--server rebuilds one server and leaves the other untouched', async () => {
  const before = await readIndexState(admin('ms0'), PREFIX);
  const summaries = await index('ms1');
  assert.deepEqual(
    summaries.map(({ server, summary }) => [server, summary.reports]),
    [['ms1', 2]],
  );
  assert.deepEqual(await readIndexState(admin('ms0'), PREFIX), before);
  assert.notEqual((await readIndexState(admin('ms1'), PREFIX))?.indexedAt, before?.indexedAt);
  await assert.rejects(index('ms9'), /no server "ms9" in MEILI_CLUSTER \(it has ms0, ms1\)/);
});

test('a server left alone with other settings stops the run, naming the server and setting', async () => {
  const documents = admin('ms0').index(liveIndexNames(PREFIX).documents);
  await settle(documents, documents.updateRankingRules(['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness']));
  await assert.rejects(index('ms1'), /server ms0: setting cluster_indexer_documents: rankingRules differs from this indexer's/);
  // Rebuilding every server writes the settings again everywhere.
  await index();
  await index('ms1');
});
