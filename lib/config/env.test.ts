import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEnv } from './env';

test('defaults: embedded engine on 7700, portal on 3000, data/ as the data set', () => {
  const env = readEnv({});
  assert.equal(env.MEILI_HOST, undefined);
  assert.equal(env.MEILI_PORT, 7700);
  assert.equal(env.PORT, 3000);
  assert.equal(env.DATA_DIR, 'data');
});

test('empty variables count as unset', () => {
  assert.equal(readEnv({ MEILI_HOST: '', MEILI_MASTER_KEY: ' ' }).MEILI_HOST, undefined);
});

test('a bad value is an error naming the variable', () => {
  assert.throws(() => readEnv({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => readEnv({ MEILI_HOST: 'not a url' }), /MEILI_HOST/);
  assert.throws(() => readEnv({ MEILI_INDEX_PREFIX: 'a b"' }), /MEILI_INDEX_PREFIX/);
});

test('PUBLIC_URL is an http(s) origin, kept without a trailing slash', () => {
  assert.equal(readEnv({ PUBLIC_URL: 'https://reports.example.cn/' }).PUBLIC_URL, 'https://reports.example.cn');
  assert.equal(readEnv({}).PUBLIC_URL, undefined);
  assert.throws(() => readEnv({ PUBLIC_URL: 'https://reports.example.cn/portal' }), /PUBLIC_URL: must be an origin/);
  assert.throws(() => readEnv({ PUBLIC_URL: 'javascript:alert(1)' }), /PUBLIC_URL/);
  assert.throws(() => readEnv({ PUBLIC_URL: 'http://a:99999' }), /PUBLIC_URL/);
});
