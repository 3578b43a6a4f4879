import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readEnv } from '@/lib/config/env';
import { parseClusterConfig, readClusterConfig, serverNames, withAdminKeys } from './config';
import { regionsOf, serverOf } from './shards';

const server = (port: number) => ({ url: `http://127.0.0.1:${port}/`, searchKey: `search-${port}`, adminKey: `admin-${port}` });
const EXAMPLE = {
  servers: { ms0: server(7700), ms1: server(7701), ms2: server(7702) },
  shards: { 福建省: 'ms0', 江苏省: 'ms1', '*': 'ms2' },
};

test('a valid file: servers in order, URLs without a trailing slash', () => {
  const config = parseClusterConfig(EXAMPLE, 'cluster.json');
  assert.deepEqual(serverNames(config), ['ms0', 'ms1', 'ms2']);
  assert.equal(config.servers.ms1!.url, 'http://127.0.0.1:7701');
});

test("the portal's copy may leave out the admin keys; the indexer's may not", () => {
  const { adminKey: _dropped, ...searchOnly } = server(7701);
  const portalCopy = parseClusterConfig({ ...EXAMPLE, servers: { ...EXAMPLE.servers, ms1: searchOnly } }, 'cluster.json');
  assert.equal(portalCopy.servers.ms1!.adminKey, undefined);
  assert.throws(() => withAdminKeys(portalCopy), /servers ms1 have no adminKey/);
  assert.equal(withAdminKeys(parseClusterConfig(EXAMPLE, 'cluster.json')).servers.ms0!.adminKey, 'admin-7700');
});

test('each province on exactly one server: its own, else the "*" server', () => {
  const config = parseClusterConfig(EXAMPLE, 'cluster.json');
  assert.equal(serverOf(config, '福建省'), 'ms0');
  assert.equal(serverOf(config, '江苏省'), 'ms1');
  assert.equal(serverOf(config, '上海市'), 'ms2');
  assert.equal(serverOf(config, '浙江省'), 'ms2');
});

test('the regions of servers that did not answer, as readers name them', () => {
  const config = parseClusterConfig(EXAMPLE, 'cluster.json');
  assert.deepEqual(regionsOf(config, ['ms1']), ['江苏省']);
  assert.deepEqual(regionsOf(config, ['ms0', 'ms1']), ['福建省', '江苏省']);
  assert.deepEqual(regionsOf(config, ['ms2']), ['福建省、江苏省以外的地区']);
  assert.deepEqual(regionsOf(config, []), []);
  const two = parseClusterConfig({ servers: { a: server(1), b: server(2) }, shards: { 福建省: 'b', 浙江省: 'b', '*': 'b' } }, 'x');
  // A server with no province holds nothing: its silence takes nothing away.
  assert.deepEqual(regionsOf(two, ['a']), []);
  assert.deepEqual(regionsOf(two, ['b']), ['福建省', '浙江省', '福建省、浙江省以外的地区']);
});

test('errors name the file, the field and what is wrong', () => {
  const bad = (json: unknown) => () => parseClusterConfig(json, 'cluster.json');
  assert.throws(bad({ ...EXAMPLE, shards: { 福建省: 'ms0' } }), /cluster\.json: shards: needs a "\*" entry/);
  assert.throws(bad({ ...EXAMPLE, shards: { ...EXAMPLE.shards, 江苏省: 'ms9' } }), /shards\.江苏省: names server "ms9", which is not in "servers"/);
  assert.throws(bad({ ...EXAMPLE, servers: { ...EXAMPLE.servers, ms0: { ...server(1), url: 'not a url' } } }), /servers\.ms0\.url/);
  assert.throws(bad({ ...EXAMPLE, servers: { ...EXAMPLE.servers, ms0: { url: 'http://a' } } }), /servers\.ms0\.searchKey/);
  assert.throws(bad({ ...EXAMPLE, servers: { 'm s': server(1) } }), /servers\.m s/);
  assert.throws(bad({ servers: {}, shards: { '*': 'ms0' } }), /servers: name at least one server/);
  assert.throws(bad({ ...EXAMPLE, replicas: 2 }), /cluster\.json: \(top level\)/);
});

test('the file: read and checked; one that is missing or not JSON is named', async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'cluster-config-'));
  const file = path.join(folder, 'cluster.json');
  await writeFile(file, JSON.stringify(EXAMPLE));
  assert.equal(readClusterConfig(file).shards['*'], 'ms2');
  await writeFile(file, '{ "servers": ');
  assert.throws(() => readClusterConfig(file), new RegExp(`${file}: not JSON`));
  assert.throws(() => readClusterConfig(path.join(folder, 'absent.json')), /MEILI_CLUSTER names .*absent\.json, which cannot be read/);
});

test('MEILI_CLUSTER is optional, and excludes MEILI_HOST', () => {
  assert.equal(readEnv({}).MEILI_CLUSTER, undefined);
  assert.equal(readEnv({ MEILI_CLUSTER: 'cluster.json' }).MEILI_CLUSTER, 'cluster.json');
  assert.throws(
    () => readEnv({ MEILI_CLUSTER: 'cluster.json', MEILI_HOST: 'http://127.0.0.1:7700' }),
    /MEILI_CLUSTER: set MEILI_HOST .* or MEILI_CLUSTER .*, not both/,
  );
});
