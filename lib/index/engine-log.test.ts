import assert from 'node:assert/strict';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { engineLogErrors, watchEngineLog } from './engine-log';

// Lines as Meilisearch 1.21 writes them on a full disk (its human format, with colours).
const before =
  '\u001b[2m2026-12-02T19:51:23.4Z\u001b[0m \u001b[31mERROR\u001b[0m \u001b[2mindex_scheduler\u001b[0m\u001b[2m:\u001b[0m an error from before the run\n';
const request =
  '\u001b[2m2026-12-02T19:51:34.2Z\u001b[0m \u001b[32m INFO\u001b[0m \u001b[1mHTTP request\u001b[0m{method=GET status_code=404 error=Index `x` not found.}\n';
const batch =
  '\u001b[2m2026-12-02T19:51:34.242059Z\u001b[0m \u001b[31mERROR\u001b[0m \u001b[2mindex_scheduler::scheduler\u001b[0m\u001b[2m:\u001b[0m Batch failed Input/output error (os error 5).\n';
const disk =
  '\u001b[2m2026-12-02T19:51:34.242329Z\u001b[0m \u001b[31mERROR\u001b[0m \u001b[2mindex_scheduler\u001b[0m\u001b[2m:\u001b[0m No space left on device (os error 28)\n';

test('the scheduler errors logged since the watch began, each once, read as the log grows', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'engine-log-'));
  const file = path.join(dir, 'meilisearch.log');
  try {
    await writeFile(file, before);
    await watchEngineLog(file);
    assert.deepEqual(await engineLogErrors(), []);
    await appendFile(file, request + batch.slice(0, 40));
    assert.deepEqual(await engineLogErrors(), [], 'a line half written is not read yet');
    await appendFile(file, batch.slice(40) + disk + batch);
    assert.deepEqual(await engineLogErrors(), ['Batch failed Input/output error (os error 5).', 'No space left on device (os error 28)']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
