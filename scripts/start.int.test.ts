/**
 * `npm start` as a newcomer runs it: engine started, data indexed once, app served, everything
 * gone after Ctrl-C; a second start reuses the index.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@/lib/engine/port';

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

const alive = (url: string) => fetch(`${url}/health`).then(() => true, () => false);

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
