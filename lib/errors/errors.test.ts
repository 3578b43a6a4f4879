import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { test } from 'node:test';
import { messageOf, pathProblem, present } from './index';

const failure = (code: string) => Object.assign(new Error(`${code}: something, stat '/data/a.txt'`), { code });

test('the message of anything thrown', () => {
  assert.equal(messageOf(new Error('engine down')), 'engine down');
  assert.equal(messageOf('plain text'), 'plain text');
  assert.equal(messageOf(42), '42');
});

test('a missing path is said to be missing; a path that may not be read is said to be so, not missing', async () => {
  assert.equal(pathProblem(await stat('/no/such/path/here').catch((error: unknown) => error)), 'no such file or folder');
  assert.equal(pathProblem(failure('EACCES')), 'permission denied');
  assert.equal(pathProblem(failure('EPERM')), 'permission denied');
  assert.equal(pathProblem(failure('EIO')), "EIO: something, stat '/data/a.txt'");
  assert.equal(pathProblem('odd'), 'odd');
});

test('present gives the value, or an error naming what was missing', () => {
  assert.equal(present(0, 'count'), 0);
  assert.throws(() => present(new Map<string, number>().get('2020'), 'the year 2020 of the series'), /^Error: the year 2020 of the series is missing$/);
});
