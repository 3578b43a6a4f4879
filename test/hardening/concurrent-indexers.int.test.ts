/**
 * Two indexers against one engine, as an operator may start them: the second meets the first's
 * lock and stops, naming it; the first completes; the live index keeps its settings and answers
 * filtered searches throughout. Locks left by runs that are gone: broken by the next run when
 * the holder is known dead, by `--break-lock` when it is stale, never while it is alive.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import { fetchDefaultKeys, type EngineKeys } from '@/lib/engine/keys';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { adminClient } from '@/lib/index/engine';
import { isBuildIndex, liveIndexNames } from '@/lib/index/index-names';
import { indexReports, type IndexProgress } from '@/lib/index/index-reports';
import { IndexLockHeld, lockIndexName } from '@/lib/index/lock';
import { DOCUMENT_SETTINGS } from '@/lib/index/settings';
import type { ManifestEntry } from '@/lib/parse/manifest';
import { runScript } from '../support/cli';
import { startTestEngine } from '../support/test-engine';

const DATA = path.resolve('data');
const SMALL = ['2020-hangzhou-xiacheng-qu.txt', '2021-pingtan-zonghe-shiyanqu.html', '2024-shanghai-kewei-pdf2md.md'];

let engine: RunningEngine;
let keys: EngineKeys;
let client: Meilisearch;
let smallDir: string;

before(async () => {
  engine = await startTestEngine();
  keys = await fetchDefaultKeys(engine.url, engine.masterKey);
  client = adminClient({ url: engine.url, apiKey: keys.adminKey });
  smallDir = await mkdtemp(path.join(os.tmpdir(), 'concurrent-'));
  const manifest = JSON.parse(await readFile(path.join(DATA, 'manifest.json'), 'utf8')) as ManifestEntry[];
  await writeFile(path.join(smallDir, 'manifest.json'), JSON.stringify(manifest.filter((entry) => SMALL.includes(entry.file))));
  for (const file of SMALL) await copyFile(path.join(DATA, file), path.join(smallDir, file));
});

after(async () => {
  await engine?.stop();
  if (smallDir) await rm(smallDir, { recursive: true, force: true });
});

function indexer(prefix: string, dataDir: string, args: string[]) {
  const env = { ...process.env, MEILI_HOST: engine.url, MEILI_ADMIN_KEY: keys.adminKey, MEILI_MASTER_KEY: '', MEILI_INDEX_PREFIX: prefix, DATA_DIR: dataDir };
  const { child, done } = runScript('scripts/index.ts', args, env);
  return { pid: child.pid!, done };
}

async function indexUids(): Promise<string[]> {
  return (await client.getIndexes({ limit: 1000 })).results.map((index) => index.uid);
}

/** A filtered search on the live index: what every page needs (an index without settings refuses it). */
async function filteredTotal(prefix: string): Promise<number> {
  const result = await client.index(liveIndexNames(prefix).documents).search('', { filter: 'reportId = "2020-hangzhou-xiacheng-qu"', limit: 0 });
  return result.estimatedTotalHits ?? 0;
}

test('a --rebuild started 3 s into another run stops, naming it; the first completes and the live index keeps its settings', async () => {
  const prefix = 'concurrent';
  const first = indexer(prefix, DATA, [DATA]);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const second = await indexer(prefix, smallDir, ['--rebuild', smallDir]).done;
  assert.equal(second.code, 1, second.output);
  assert.match(second.output, new RegExp(`being written by \`npm run index -- ${DATA}\` on ${os.hostname()}, pid ${first.pid}`));
  assert.match(second.output, /npm run index -- --break-lock/);

  const done = await first.done;
  assert.equal(done.code, 0, done.output);
  assert.match(done.output, /rebuilt: 23 report\(s\)/);
  const settings = await client.index(liveIndexNames(prefix).documents).getSettings();
  assert.deepEqual([...settings.filterableAttributes!].map(String).sort(), [...DOCUMENT_SETTINGS.filterableAttributes].sort());
  assert.ok((await filteredTotal(prefix)) > 0);
  assert.equal((await client.index(liveIndexNames(prefix).reports).getStats()).numberOfDocuments, 23);
  assert.deepEqual(
    (await indexUids()).filter((uid) => uid.startsWith(prefix) && (isBuildIndex(prefix, uid) || uid.includes('_lock'))),
    [],
  );
});

async function writeLock(prefix: string, holder: { host: string; pid: number; renewedAt: string }): Promise<void> {
  const uid = lockIndexName(prefix);
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  const startedAt = new Date(Date.now() - 3_600_000).toISOString();
  await client
    .index(uid)
    .addDocuments([{ id: 'holder', runId: 'old-run', startedAt, command: 'npm run index -- data', ...holder }])
    .waitTask();
}

const run = (prefix: string, onProgress?: (event: IndexProgress) => void) => indexReports({ paths: [smallDir], client, prefix, dataDir: smallDir, onProgress });

test('a lock left by a run that ended on this host is broken by the next run, which says so', async () => {
  const ended = spawnSync('true');
  await writeLock('dead', { host: os.hostname(), pid: ended.pid, renewedAt: new Date().toISOString() });
  const notices: string[] = [];
  const summary = await run('dead', (event) => event.kind === 'notice' && notices.push(event.message));
  assert.equal(summary.reports, SMALL.length);
  assert.equal(notices.length, 1);
  assert.match(notices[0]!, new RegExp(`broke the index lock of .*pid ${ended.pid}.*: process ${ended.pid} on this host has ended`));
  assert.ok((await filteredTotal('dead')) > 0);
});

test('a lock held elsewhere stops the run; --break-lock refuses while it is renewed and breaks it once stale', async () => {
  const prefix = 'elsewhere';
  await writeLock(prefix, { host: 'indexer-2.example', pid: 4242, renewedAt: new Date().toISOString() });
  await assert.rejects(run(prefix), (error: unknown) => {
    assert.ok(error instanceof IndexLockHeld);
    assert.match(error.message, /being written by `npm run index -- data` on indexer-2\.example, pid 4242/);
    return true;
  });
  const refused = await indexer(prefix, smallDir, ['--break-lock']).done;
  assert.equal(refused.code, 1, refused.output);
  assert.match(refused.output, /that run is alive/);

  await client
    .index(lockIndexName(prefix))
    .updateDocuments([{ id: 'holder', renewedAt: new Date(Date.now() - 600_000).toISOString() }])
    .waitTask();
  const broken = await indexer(prefix, smallDir, ['--break-lock']).done;
  assert.equal(broken.code, 0, broken.output);
  assert.match(broken.output, /broke the index lock of `npm run index -- data` on indexer-2\.example/);
  assert.equal((await run(prefix)).reports, SMALL.length);
  assert.deepEqual(
    (await indexUids()).filter((uid) => uid.startsWith(`${prefix}_lock`)),
    [],
  );
});
