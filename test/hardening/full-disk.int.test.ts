/**
 * The engine's disk fills during a rebuild (its database on a 12 MB tmpfs: room for one index of
 * data/, not two). Meilisearch then either retries its batch forever (the task `processing`, its
 * health check answering) or refuses the next request outright with an I/O error; which one
 * depends on where the disk runs out, and both occur. Either way the indexer must stop within
 * seconds with the engine's own reason and a non-zero exit, say the live index is untouched, and
 * the live index must go on answering with its settings.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fetchDefaultKeys, type EngineKeys } from '@/lib/engine/keys';
import { startEmbeddedEngine, type RunningEngine } from '@/lib/engine/meilisearch-process';
import { freePort } from '@/lib/engine/port';
import { adminClient } from '@/lib/index/engine';
import { liveIndexNames } from '@/lib/index/index-names';
import { DOCUMENT_SETTINGS } from '@/lib/index/settings';
import { runScript, type Finished } from '../support/cli';
import { cannotMount, mountTmpfs, type Mount } from '../support/mounts';

const DATA = path.resolve('data');
const PREFIX = 'disk';
const skip = cannotMount() ?? false;

let mount: Mount;
let logDir: string;
let engine: RunningEngine;
let keys: EngineKeys;

before(async () => {
  if (skip) return;
  mount = await mountTmpfs('12m');
  logDir = await mkdtemp(path.join(os.tmpdir(), 'full-disk-'));
  engine = await startEmbeddedEngine({
    stateDir: path.resolve('.meili'),
    dataDir: path.join(mount.dir, 'data'),
    logDir,
    port: await freePort(),
    masterKey: randomBytes(24).toString('hex'),
    maxIndexingMemory: '256MiB',
  });
  keys = await fetchDefaultKeys(engine.url, engine.masterKey);
});

after(async () => {
  await engine?.stop();
  await mount?.unmount();
  if (logDir) await rm(logDir, { recursive: true, force: true });
});

/** The task the engine keeps retrying, with the reason its log gives. */
const STALLED_WITH_LOG = String.raw`Meilisearch cannot finish task \d+ \(documentAdditionOrUpdate on disk_documents__build_\w+\): the engine says: .*No space left on device`;
/** The same without the log: the batch restarting gives it away. */
const STALLED_BLIND = String.raw`Meilisearch cannot finish task \d+ .*: it failed the batch and is retrying it; Meilisearch gives the reason only in its log \(a full disk is the usual cause\)`;
/** A request refused outright, the engine's own words naming the disk. */
const REFUSED = String.raw`Meilisearch refused /\S+ \(HTTP \d+\): .*no space left on device`;

/** `npm run index` against the engine; before the fix it waited up to 30 minutes per task: given 2. */
function index(env: Record<string, string>, args: string[]): Promise<Finished> {
  const base = { ...process.env, MEILI_HOST: engine.url, MEILI_ADMIN_KEY: keys.adminKey, MEILI_MASTER_KEY: '', MEILI_INDEX_PREFIX: PREFIX, DATA_DIR: DATA };
  return runScript('scripts/index.ts', args, { ...base, ...env }).done;
}

async function liveAnswers(): Promise<{ total: number; filterable: string[] }> {
  const client = adminClient({ url: engine.url, apiKey: keys.adminKey });
  const documents = client.index(liveIndexNames(PREFIX).documents);
  const result = await documents.search('公开', { filter: 'reportId = "2020-hangzhou-xiacheng-qu"', limit: 0 });
  const settings = await documents.getSettings();
  return { total: result.estimatedTotalHits ?? 0, filterable: [...settings.filterableAttributes!].map(String).sort() };
}

test("a disk that fills stops the indexer with the engine's reason; the live index answers as before", { skip, timeout: 300_000 }, async (t) => {
  const first = await index({ MEILI_ENGINE_LOG: engine.logFile }, [DATA]);
  assert.equal(first.code, 0, first.output);
  const before = await liveAnswers();
  assert.ok(before.total > 0);
  assert.deepEqual(before.filterable, [...DOCUMENT_SETTINGS.filterableAttributes].sort());

  // The engine's log known (as under npm start): its reason, at its first failure.
  const full = await index({ MEILI_ENGINE_LOG: engine.logFile }, ['--rebuild', DATA]);
  assert.equal(full.code, 1, full.output);
  assert.match(
    full.output,
    new RegExp(`indexing failed: (could not take the index lock \\S+: )?(${STALLED_WITH_LOG}|${REFUSED}).*The live index is untouched`, 'is'),
  );
  t.diagnostic(`with the log, after ${full.ms} ms: ${full.output.split('\n').find((line) => line.startsWith('indexing failed'))}`);
  assert.deepEqual(await liveAnswers(), before);

  // Without the log (an engine on another machine): the batch restarting gives it away.
  const blind = await index({ MEILI_ENGINE_LOG: '' }, ['--rebuild', DATA]);
  assert.equal(blind.code, 1, blind.output);
  assert.match(
    blind.output,
    new RegExp(`indexing failed: (could not take the index lock \\S+: )?(${STALLED_BLIND}|${REFUSED}).*The live index is untouched`, 'is'),
  );
  assert.ok(blind.ms < 60_000, `${blind.ms} ms`);
  t.diagnostic(`without the log, after ${blind.ms} ms: ${blind.output.split('\n').find((line) => line.startsWith('indexing failed'))}`);
  assert.deepEqual(await liveAnswers(), before);
});
