/**
 * `npm start` as a newcomer runs it: engine started, data indexed once, app served, everything
 * gone after Ctrl-C; a second start reuses the index. As an operator may break it: the engine
 * killed (restarted, logged), the launcher killed (nothing it started survives), a state folder
 * on a full disk or on a mount that never answers (a clear error, no hang).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/lib/engine/port';
import { findProcess, processTree } from '@/test/support/processes';
import { cannotMount, mountSilentFuse, mountTmpfs } from '@/test/support/mounts';
import { runScript, type Finished } from '@/test/support/cli';
import { CORPUS_PREFIX, corpusDatabase } from '@/test/support/corpus-engine';

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
}

/** Every launcher this file started: a failed assertion must not leave one (and its engine) running. */
const started: ChildProcess[] = [];
after(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
});

async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${env.PORT}`;
  started.push(child);
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    // Ready when the launcher says so (it prints the address once the portal answers), not
    // when the portal first answers: the line may come a moment later.
    if (output.includes('Portal: ')) return { child, output: () => output, url };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the portal did not answer within 4 minutes:\n${output}`);
}

async function interrupt({ child }: Started): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

const alive = (url: string) =>
  fetch(`${url}/health`).then(
    () => true,
    () => false,
  );

test('npm start serves the bundled reports, stops cleanly, and does not re-index on the second start', { timeout: 600_000 }, async () => {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'start-test-'));
  const meiliPort = await freePort();
  const env = {
    ...process.env,
    MEILI_HOST: '',
    MEILI_MASTER_KEY: '',
    MEILI_STATE_DIR: stateDir,
    MEILI_PORT: String(meiliPort),
    MEILI_INDEX_PREFIX: 'start_test',
    PORT: String(await freePort()),
  };
  const engineUrl = `http://127.0.0.1:${meiliPort}`;
  try {
    const first = await start(env);
    assert.match(first.output(), /Indexing /);
    assert.match(first.output(), new RegExp(`http://localhost:${env.PORT}/`));
    const api = await fetch(`${first.url}/api/search?q=${encodeURIComponent('政府信息公开')}`);
    assert.equal(api.status, 200);
    const body = (await api.json()) as { ok: boolean; total: number };
    assert.equal(body.ok, true);
    assert.ok(body.total > 0, 'a search for 政府信息公开 finds the bundled reports');
    await interrupt(first);
    assert.equal(await alive(engineUrl), false, 'no Meilisearch left after Ctrl-C');

    const second = await start(env);
    assert.match(second.output(), /not re-indexing/);
    assert.doesNotMatch(second.output(), /Indexing /);
    await interrupt(second);
    assert.equal(await alive(engineUrl), false);
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
});

async function freshEnv(stateDir: string): Promise<NodeJS.ProcessEnv> {
  return {
    ...process.env,
    MEILI_HOST: '',
    MEILI_MASTER_KEY: '',
    MEILI_STATE_DIR: stateDir,
    MEILI_PORT: String(await freePort()),
    MEILI_INDEX_PREFIX: 'start_test',
    PORT: String(await freePort()),
  };
}

/**
 * A state folder whose engine already holds data/, current (test/support/corpus-engine.ts): the
 * tests below watch processes, not indexing, which the first test sees from an empty folder.
 */
async function indexedEnv(stateDir: string): Promise<NodeJS.ProcessEnv> {
  await cp(await corpusDatabase(), path.join(stateDir, 'data'), { recursive: true });
  return { ...(await freshEnv(stateDir)), MEILI_INDEX_PREFIX: CORPUS_PREFIX };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const searchStatus = (url: string) =>
  fetch(`${url}/api/search?q=${encodeURIComponent('公开')}`, { headers: { 'cache-control': 'no-cache' } }).then(
    (response) => response.status,
    () => 0,
  );

test('a killed engine is restarted by npm start, logged, and serves again; killing npm start leaves nothing running', { timeout: 600_000 }, async () => {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'start-test-'));
  try {
    const running = await start(await indexedEnv(stateDir));
    assert.match(running.output(), /not re-indexing/);
    const firstEngine = await findProcess(running.child.pid!, /meilisearch$/);
    assert.ok(firstEngine, 'the engine runs under npm start');
    process.kill(firstEngine, 'SIGKILL');
    const restarted = await until(
      () => running.output(),
      (output) => /Meilisearch restarted \(pid \d+\)/.test(output),
      20_000,
    );
    assert.match(restarted, new RegExp(`Meilisearch \\(pid ${firstEngine}\\) stopped: killed by SIGKILL, after [\\d.]+ s; restarting in 1 s`));
    assert.equal(
      await until(
        () => searchStatus(running.url),
        (status) => status === 200,
        15_000,
      ),
      200,
    );

    const started = (await processTree(running.child.pid!)).filter((pid) => pid !== running.child.pid);
    const secondEngine = await findProcess(running.child.pid!, /meilisearch$/);
    assert.ok(secondEngine && secondEngine !== firstEngine);
    assert.ok(started.length >= 2, `the engine and the portal server run under npm start: ${started.join(', ')}`);
    running.child.kill('SIGKILL');
    const left = await until(
      () => started.filter(isRunning),
      (pids) => pids.length === 0,
      10_000,
    );
    assert.deepEqual(left, [], 'nothing npm start started outlives it');
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
});

test('npm itself killed: npm start and everything it started end with it', { timeout: 600_000 }, async () => {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'start-test-'));
  try {
    const env = await indexedEnv(stateDir);
    const npm = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(npm);
    let output = '';
    npm.stdout?.on('data', (chunk) => (output += chunk));
    npm.stderr?.on('data', (chunk) => (output += chunk));
    assert.match(
      await until(
        () => output,
        (text) => text.includes('Portal: '),
        240_000,
      ),
      /Portal: /,
    );
    // npm → sh -c → the launcher → the engine and the portal's server.
    const below = (await processTree(npm.pid!)).filter((pid) => pid !== npm.pid);
    assert.ok(below.length >= 4, `processes under npm: ${below.join(', ')}`);
    npm.kill('SIGKILL');
    const left = await until(
      () => below.filter(isRunning),
      (pids) => pids.length === 0,
      10_000,
    );
    assert.deepEqual(left, [], 'nothing npm start started outlives npm');
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
});

/** Runs npm start to its exit (tracked: a failed assertion must not leave it running). */
function startToExit(env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Finished> {
  const { child, done } = runScript('scripts/start.ts', [], env, timeoutMs);
  started.push(child);
  return done;
}

test(
  'a state folder with too little room for an index is refused before indexing, saying how much is needed',
  { timeout: 120_000, skip: cannotMount() ?? false },
  async () => {
    // The engine's binary (131 MB) and a few MB more: less than a first index of data/ needs.
    const mount = await mountTmpfs('136m');
    try {
      const result = await startToExit(await freshEnv(mount.dir), 60_000);
      assert.equal(result.code, 1, result.output);
      assert.match(result.output, /npm start: indexing needs about \d+ MB free in .*; \d+ MB are free: free some space, or set MEILI_STATE_DIR/);
      assert.doesNotMatch(result.output, /Indexing /);
    } finally {
      await mount.unmount();
    }
  },
);

test('a state folder on a mount that never answers fails within seconds, with the reason', { timeout: 60_000, skip: cannotMount() ?? false }, async () => {
  const mount = await mountSilentFuse();
  try {
    const result = await startToExit(await freshEnv(path.join(mount.dir, 'state')), 40_000);
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /cannot create MEILI_STATE_DIR .*: its file system did not answer within 10 s/);
    assert.ok(result.ms < 30_000, `${result.ms} ms`);
  } finally {
    await mount.unmount();
  }
});
