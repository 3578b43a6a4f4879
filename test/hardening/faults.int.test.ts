/**
 * Faults, with the real engine, the real indexer and the production portal:
 * - the engine stops while the portal runs: pages answer 503 with the outage notice, the API
 *   503 in its error shape; when the engine is back the portal serves again, not restarted;
 * - the engine is killed (SIGKILL) in the middle of an index run: after a restart the old index
 *   still serves, whole, and the next run completes;
 * - the indexer is killed in the middle of a run: no half index is ever live.
 * The engine runs on a fixed port and data folder so that it can be restarted as the same server.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import { ensureBuild, startPortal, type RunningPortal } from '../support/portal';
import { findProcess } from '../support/processes';
import { fetchDefaultKeys, type EngineKeys } from '@/lib/engine/keys';
import { startEmbeddedEngine, type RunningEngine } from '@/lib/engine/meilisearch-process';
import { freePort } from '@/lib/engine/port';
import type { ManifestEntry } from '@/lib/parse/manifest';
import { adminClient } from '@/lib/index/engine';
import { isBuildIndex, liveIndexNames } from '@/lib/index/index-names';
import { indexReports } from '@/lib/index/index-reports';
import { readIndexState } from '@/lib/index/state';

const DATA = path.resolve('data');
const PREFIX = 'faults';
/** Text and HTML reports only: quick to parse, so a run is a few seconds. */
const FIRST = ['2020-hangzhou-xiacheng-qu.txt', '2021-pingtan-zonghe-shiyanqu.html', '2024-shanghai-kewei-pdf2md.md'];

let tempDir: string;
let dataDir: string;
let port: number;
let masterKey: string;
let engine: RunningEngine;
let keys: EngineKeys;
let portal: RunningPortal;

function startEngine(): Promise<RunningEngine> {
  return startEmbeddedEngine({ stateDir: path.resolve('.meili'), dataDir: path.join(tempDir, 'engine'), port, masterKey, maxIndexingMemory: '256MiB' });
}

const client = (): Meilisearch => adminClient({ url: engine.url, apiKey: keys.adminKey });

async function copyReports(files: readonly string[]): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(DATA, 'manifest.json'), 'utf8')) as ManifestEntry[];
  await writeFile(path.join(dataDir, 'manifest.json'), JSON.stringify(manifest.filter((entry) => files.includes(entry.file))));
  for (const file of files) await copyFile(path.join(DATA, file), path.join(dataDir, file));
}

async function liveCounts(): Promise<{ documents: number; reports: number; state: number | undefined }> {
  const names = liveIndexNames(PREFIX);
  const [documents, reports, state] = await Promise.all([
    client().index(names.documents).getStats(),
    client().index(names.reports).getStats(),
    readIndexState(client(), PREFIX),
  ]);
  return { documents: documents.numberOfDocuments, reports: reports.numberOfDocuments, state: state?.documents };
}

async function buildIndexes(): Promise<string[]> {
  const { results } = await client().getIndexes({ limit: 1000 });
  return results.map((index) => index.uid).filter((uid) => isBuildIndex(PREFIX, uid));
}

/**
 * The portal's total for the empty search, as a reader's API call sees it, asked fresh: a
 * remembered answer may be up to SEARCH_CACHE_SECONDS older than the live index it checks
 * (an earlier test's index, when the tests run quickly one after the other).
 */
async function apiTotal(): Promise<number> {
  const response = await fetch(`${portal.url}/api/search?per_page=1`, { headers: { 'cache-control': 'no-cache' } });
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { total: number }).total;
}

async function poll<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const indexFolder = () => indexReports({ paths: [dataDir], client: client(), prefix: PREFIX, dataDir });

before(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'faults-'));
  dataDir = path.join(tempDir, 'reports');
  await mkdir(dataDir);
  port = await freePort();
  masterKey = randomBytes(24).toString('hex');
  engine = await startEngine();
  keys = await fetchDefaultKeys(engine.url, masterKey);
  await copyReports(FIRST);
  const first = await indexFolder();
  assert.equal(first.reports, FIRST.length, JSON.stringify(first.failures));
  await ensureBuild();
  portal = await startPortal({ engineUrl: engine.url, searchKey: keys.searchKey, prefix: PREFIX });
});

after(async () => {
  await portal?.stop();
  await engine?.stop();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

test('the engine stops: 503 pages and API errors; it comes back: the same portal serves again', async () => {
  const total = await apiTotal();
  assert.ok(total > 0);
  // Asked while the engine is up: the portal's answer cache holds the answer, its page cache the page.
  assert.equal((await fetch(`${portal.url}/api/search?q=%E5%85%AC%E5%BC%80`)).status, 200);
  for (let asked = 0; asked < 2; asked += 1) assert.equal((await fetch(`${portal.url}/search?q=%E5%85%AC%E5%BC%80`)).status, 200);
  assert.equal((await fetch(`${portal.url}/search?q=%E5%85%AC%E5%BC%80`)).headers.get('age'), '0', 'a kept page');
  await engine.stop();
  // The caches trust the engine's health for at most a second (lib/search/health.ts).
  await new Promise((resolve) => setTimeout(resolve, 1_100));

  for (const page of ['/', '/search?q=%E5%85%AC%E5%BC%80', '/reports/2020-hangzhou-xiacheng-qu']) {
    const response = await fetch(`${portal.url}${page}`);
    assert.equal(response.status, 503, page);
    assert.equal(response.headers.get('retry-after'), '30', page);
    const html = await response.text();
    assert.match(html, /搜索服务暂时不可用/, page);
    assert.doesNotMatch(html, /没有找到/, page);
  }
  for (const api of ['/api/search?q=%E5%85%AC%E5%BC%80', '/api/reports/2020-hangzhou-xiacheng-qu']) {
    const response = await fetch(`${portal.url}${api}`);
    assert.equal(response.status, 503, api);
    assert.deepEqual(await response.json(), { ok: false, status: 503, error: '搜索服务暂时不可用，请稍后重试' });
  }

  engine = await startEngine();
  const page = await poll(
    () => fetch(`${portal.url}/search?q=%E5%85%AC%E5%BC%80`).then((response) => response.status),
    (status) => status === 200,
    10_000,
  );
  assert.equal(page, 200);
  assert.equal(await apiTotal(), total);
});

test('the engine is killed during an index run: the old index serves after a restart, the next run completes', async () => {
  const before = await liveCounts();
  const total = await apiTotal();
  const more = [
    '2019-pingtan-zonghe-shiyanqu.html',
    '2022-pingtan-zonghe-shiyanqu.html',
    '2023-pingtan-zonghe-shiyanqu.html',
    '2025-pingtan-zonghe-shiyanqu.html',
  ];
  await copyReports([...FIRST, ...more]);

  const enginePid = await findProcess(engine.pid, /meilisearch$/);
  assert.ok(enginePid);
  let killed = false;
  const run = indexReports({
    paths: [dataDir],
    client: client(),
    prefix: PREFIX,
    dataDir,
    onProgress: (event) => {
      // When the engine has indexed the first batch of the build: mid-way through its part.
      if (event.kind === 'upload' && !killed) {
        killed = true;
        process.kill(enginePid, 'SIGKILL');
      }
    },
  });
  await assert.rejects(run);
  assert.ok(killed, 'the engine was killed during the run');

  engine = await startEngine();
  assert.deepEqual(await liveCounts(), before);
  assert.equal(await apiTotal(), total);

  const next = await indexFolder();
  assert.equal(next.reports, FIRST.length + more.length, JSON.stringify(next.failures));
  const after = await liveCounts();
  assert.deepEqual(after, { documents: next.documents, reports: next.reports, state: next.documents });
  assert.deepEqual(await buildIndexes(), []);
});

test('the indexer is killed during a run: the live index is the old one, whole, and the next run completes', async () => {
  const before = await liveCounts();
  const total = await apiTotal();
  await copyReports(FIRST);
  for (const file of ['2019-pingtan-zonghe-shiyanqu.html', '2022-pingtan-zonghe-shiyanqu.html']) await unlink(path.join(dataDir, file));

  const indexer = spawn(process.execPath, ['--import', 'tsx', 'scripts/index.ts', dataDir], {
    env: { ...process.env, MEILI_HOST: engine.url, MEILI_ADMIN_KEY: keys.adminKey, MEILI_MASTER_KEY: '', MEILI_INDEX_PREFIX: PREFIX, DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => indexer.once('exit', resolve));
  // Killed as soon as its build index holds documents: the run is half done.
  const building = await poll(
    async () => {
      const [build] = (await buildIndexes()).filter((uid) => uid.startsWith(liveIndexNames(PREFIX).documents));
      return build ? (await client().index(build).getStats()).numberOfDocuments : 0;
    },
    (documents) => documents > 0,
    60_000,
  );
  indexer.kill('SIGKILL');
  await exited;
  assert.ok(building > 0, 'the indexer was killed in the middle of its run');

  const during = await liveCounts();
  assert.deepEqual(during, before);
  assert.equal(during.state, during.documents, 'the state record describes the live index');
  assert.equal(await apiTotal(), total);

  const next = await indexFolder();
  assert.equal(next.reports, FIRST.length + 2, JSON.stringify(next.failures));
  assert.deepEqual(await liveCounts(), { documents: next.documents, reports: next.reports, state: next.documents });
  assert.deepEqual(await buildIndexes(), []);
});

test('a mistaken MEILI_CLUSTER file stops the portal at start, naming the mistake', async () => {
  const file = path.join(tempDir, 'cluster.json');
  const server = { url: 'http://127.0.0.1:9', searchKey: 'search' };
  await writeFile(file, JSON.stringify({ servers: { ms0: server }, shards: { 江苏省: 'ms9', '*': 'ms0' } }));
  await assert.rejects(
    startPortal({ engineUrl: server.url, searchKey: server.searchKey, prefix: 'faults', env: { MEILI_HOST: '', MEILI_CLUSTER: file } }),
    /exited with 1 before serving[\s\S]*shards\.江苏省: names server "ms9", which is not in "servers"/,
  );
});
