import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Meilisearch, type Settings } from 'meilisearch';
import { startTestEngine } from '@/test/support/test-engine';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { DOCUMENT_SETTINGS, REPORT_SETTINGS } from './settings';

let engine: RunningEngine;
let client: Meilisearch;

before(async () => {
  engine = await startTestEngine();
  client = new Meilisearch({ host: engine.url, apiKey: engine.masterKey });
});
after(() => engine?.stop());

/** The engine returns these lists in its own order; their order carries no meaning. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes']);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What we set must read back as set; the engine fills in the defaults of keys we left out. */
function assertReadBack(read: unknown, written: unknown, name: string): void {
  if (UNORDERED.has(name)) {
    assert.deepEqual([...(read as string[])].sort(), [...(written as string[])].sort(), name);
  } else if (isPlainObject(written) && name !== 'synonyms') {
    assert.ok(isPlainObject(read), name);
    for (const [key, value] of Object.entries(written)) assertReadBack(read[key], value, `${name}.${key}`);
  } else {
    assert.deepEqual(read, written, name);
  }
}

async function applyAndReadBack(uid: string, settings: Settings): Promise<void> {
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  const task = await client.index(uid).updateSettings(settings).waitTask();
  assert.equal(task.status, 'succeeded', task.error?.message);
  const stored = await client.index(uid).getSettings();
  for (const [name, value] of Object.entries(settings)) assertReadBack(stored[name as keyof Settings], value, name);
}

test('the documents index settings are accepted and read back unchanged', () => applyAndReadBack('documents', DOCUMENT_SETTINGS));

test('the reports index settings are accepted and read back unchanged', () => applyAndReadBack('reports', REPORT_SETTINGS));
