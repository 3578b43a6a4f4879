import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAnswerCache, type AnswerCacheOptions } from './answer-cache';

function setup(overrides: Partial<AnswerCacheOptions> = {}) {
  // A clock of the real kind: lru-cache reads a start time of 0 as "no time limit".
  let time = Date.UTC(2026, 0, 1);
  let serving = true;
  let calls = 0;
  const cache = createAnswerCache({ ttlMs: 30_000, maxEntries: 2, isServing: async () => serving, now: () => time, ...overrides });
  const ask = (key: string, keep?: (value: string) => boolean) => cache.answer(key, async () => `${key}#${++calls}`, keep);
  return {
    ask,
    cache,
    advance: (ms: number) => (time += ms),
    setServing: (value: boolean) => (serving = value),
    calls: () => calls,
  };
}

test('an answer is served from memory until it expires', async () => {
  const { ask, advance } = setup();
  assert.equal(await ask('a'), 'a#1');
  advance(29_999);
  assert.equal(await ask('a'), 'a#1');
  advance(2);
  assert.equal(await ask('a'), 'a#2');
});

test('identical searches arriving together share one engine call', async () => {
  const { ask, calls } = setup();
  const answers = await Promise.all([ask('a'), ask('a'), ask('a')]);
  assert.deepEqual(answers, ['a#1', 'a#1', 'a#1']);
  assert.equal(calls(), 1);
});

test('the least recently used answer leaves first', async () => {
  const { ask } = setup();
  await ask('a');
  await ask('b');
  await ask('a');
  await ask('c');
  assert.equal(await ask('a'), 'a#1');
  assert.equal(await ask('b'), 'b#4', 'b was evicted');
});

test('an engine that is down is never hidden behind remembered answers', async () => {
  const { ask, advance, setServing } = setup();
  await ask('a');
  setServing(false);
  advance(1_000);
  assert.equal(await ask('a'), 'a#2', 'asked the engine again (whose failure the caller then reports)');
});

test('failures and answers the caller does not keep are asked again', async () => {
  const { cache, ask } = setup();
  await assert.rejects(cache.answer('x', async () => Promise.reject(new Error('engine down'))));
  assert.equal(await cache.answer('x', async () => 'fine'), 'fine');
  assert.equal(await ask('partial', () => false), 'partial#1');
  assert.equal(await ask('partial', () => false), 'partial#2');
});

test('a time of 0 turns the cache off', async () => {
  const { ask } = setup({ ttlMs: 0 });
  assert.equal(await ask('a'), 'a#1');
  assert.equal(await ask('a'), 'a#2');
});
