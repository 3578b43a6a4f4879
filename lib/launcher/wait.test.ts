import assert from 'node:assert/strict';
import { test } from 'node:test';
import { poll } from './wait';

test('poll gives the first answer, asking again until there is one', async () => {
  let asked = 0;
  assert.equal(await poll(async () => (++asked === 3 ? 'ready' : undefined), { timeoutMs: 5000, intervalMs: 1 }), 'ready');
  assert.equal(asked, 3);
});

test('poll gives undefined once the time is up, and a check that throws ends it with that error', async () => {
  assert.equal(await poll(async () => undefined, { timeoutMs: 30, intervalMs: 5 }), undefined);
  await assert.rejects(
    poll(() => Promise.reject(new Error('exited')), { timeoutMs: 1000, intervalMs: 5 }),
    /exited/,
  );
});
