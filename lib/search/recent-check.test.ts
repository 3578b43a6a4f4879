import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recentCheck } from './recent-check';

test('a check is asked at most once per period, its answer shared; a failure counts as false', async () => {
  let time = 0;
  let calls = 0;
  let answer: boolean | Error = true;
  const check = recentCheck(
    async () => {
      calls++;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    1_000,
    () => time,
  );
  assert.deepEqual(await Promise.all([check(), check()]), [true, true]);
  answer = false;
  time = 999;
  assert.equal(await check(), true, 'still the answer of the last second');
  assert.equal(calls, 1);
  time = 1_000;
  assert.equal(await check(), false);
  answer = new Error('connection refused');
  time = 2_000;
  assert.equal(await check(), false);
  assert.equal(calls, 3);
});
