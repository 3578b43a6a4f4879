/** Connecting to a Meilisearch named by MEILI_HOST, with the keys the environment gives. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readEnv } from '@/lib/config/env';
import { startTestEngine } from '@/test/support/test-engine';
import { connectEngine } from './connection';
import type { RunningEngine } from './meilisearch-process';

let engine: RunningEngine;
before(async () => {
  engine = await startTestEngine();
});
after(async () => {
  await engine?.stop();
});

test('the right master key gives the engine its own admin and search keys, not the master key', async () => {
  const connection = await connectEngine(readEnv({ MEILI_HOST: engine.url, MEILI_MASTER_KEY: engine.masterKey }));
  assert.notEqual(connection.adminKey, engine.masterKey);
  assert.notEqual(connection.searchKey, engine.masterKey);
});

test('a wrong master key is said to be wrong, never passed on as the admin key', async () => {
  await assert.rejects(
    connectEngine(readEnv({ MEILI_HOST: engine.url, MEILI_MASTER_KEY: 'not-the-master-key-of-this-engine' })),
    (error: Error) => /MEILI_MASTER_KEY is wrong/.test(error.message) && error.message.includes(engine.url),
  );
});
