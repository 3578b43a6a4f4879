import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fetchDefaultKeys } from './keys';
import { startEmbeddedEngine } from './meilisearch-process';
import { freePort } from './port';
import { startTestEngine } from '@/test/support/test-engine';

test('the embedded engine answers on loopback with its master key and gives a search-only key', async () => {
  const engine = await startTestEngine();
  try {
    assert.match(engine.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const keys = await fetchDefaultKeys(engine.url, engine.masterKey);
    const forbidden = await fetch(`${engine.url}/indexes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keys.searchKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ uid: 'x' }),
    });
    assert.equal(forbidden.status, 403, 'the search key must not be able to write');
    const unauthenticated = await fetch(`${engine.url}/indexes`);
    assert.equal(unauthenticated.status, 401);
  } finally {
    await engine.stop();
  }
});

test('a port that is already taken is a one-line error that says what to do', async () => {
  const engine = await startTestEngine();
  try {
    const port = Number(new URL(engine.url).port);
    await assert.rejects(
      startEmbeddedEngine({ stateDir: path.resolve('.meili'), dataDir: path.join(os.tmpdir(), 'unused'), port, masterKey: 'x'.repeat(24) }),
      (error: Error) => /port \d+ is already in use: .*MEILI_PORT/.test(error.message) && !error.message.includes('\n'),
    );
  } finally {
    await engine.stop();
  }
});

test('stop() ends the engine and frees its port', async () => {
  const engine = await startTestEngine();
  await engine.stop();
  await assert.rejects(fetch(`${engine.url}/health`));
});

test('an engine started by a process that is killed with SIGKILL does not outlive it', async () => {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'meili-orphan-'));
  const script = `
    import { startEmbeddedEngine } from './lib/engine/meilisearch-process.ts';
    await startEmbeddedEngine({ stateDir: ${JSON.stringify(path.resolve('.meili'))}, dataDir: ${JSON.stringify(dir)}, port: ${port}, masterKey: 'k'.repeat(24) });
    console.log('ready');
    setInterval(() => {}, 1000);
  `;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await once(parent.stdout, 'data');
    assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).ok, true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 8000;
    let alive = true;
    while (alive && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      alive = await fetch(`http://127.0.0.1:${port}/health`).then(
        () => true,
        () => false,
      );
    }
    assert.equal(alive, false, 'Meilisearch still answers after its parent died');
  } finally {
    parent.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

test('the master key is not on the command line, where any user could read it', async () => {
  const engine = await startTestEngine();
  try {
    const { readFile } = await import('node:fs/promises');
    const commandLine = (await readFile(`/proc/${engine.pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
    assert.doesNotMatch(commandLine, new RegExp(engine.masterKey));
    const keys = await fetchDefaultKeys(engine.url, engine.masterKey);
    assert.ok(keys.searchKey.length > 0, 'the engine still takes the master key');
  } finally {
    await engine.stop();
  }
});
