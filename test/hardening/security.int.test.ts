/**
 * Keys and exposure, with the real engine and the production portal:
 * - no key of the run (master, admin, search) in any page, API answer, header or client bundle,
 *   even when the portal's environment holds the master key by mistake;
 * - the portal's search key cannot write, read documents, list keys or delete;
 * - the embedded engine listens on loopback only.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { scriptSources } from '../support/page-scripts';
import { ensureBuild, startPortal, type RunningPortal } from '../support/portal';
import { findProcess } from '../support/processes';
import { fetchDefaultKeys, type EngineKeys } from '@/lib/engine/keys';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { startTestEngine } from '../support/test-engine';
import type { ManifestEntry } from '@/lib/parse/manifest';
import { adminClient } from '@/lib/index/engine';
import { liveIndexNames } from '@/lib/index/index-names';
import { indexReports } from '@/lib/index/index-reports';

const DATA = path.resolve('data');
const PREFIX = 'security';
const REPORT = '2020-hangzhou-xiacheng-qu';

let engine: RunningEngine;
let keys: EngineKeys;
let portal: RunningPortal;
let dataDir: string;

before(async () => {
  engine = await startTestEngine();
  keys = await fetchDefaultKeys(engine.url, engine.masterKey);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'security-data-'));
  const manifest = JSON.parse(await readFile(path.join(DATA, 'manifest.json'), 'utf8')) as ManifestEntry[];
  await writeFile(path.join(dataDir, 'manifest.json'), JSON.stringify(manifest.filter((entry) => entry.file === `${REPORT}.txt`)));
  await copyFile(path.join(DATA, `${REPORT}.txt`), path.join(dataDir, `${REPORT}.txt`));
  const summary = await indexReports({ paths: [dataDir], client: adminClient({ url: engine.url, apiKey: keys.adminKey }), prefix: PREFIX, dataDir });
  assert.equal(summary.reports, 1, JSON.stringify(summary.failures));
  await ensureBuild();
  // The master key in the portal's environment is a deployment mistake it must survive.
  portal = await startPortal({ engineUrl: engine.url, searchKey: keys.searchKey, prefix: PREFIX, env: { MEILI_MASTER_KEY: engine.masterKey } });
});

after(async () => {
  await portal?.stop();
  await engine?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function secrets(): Array<[string, string]> {
  return [
    ['master key', engine.masterKey],
    ['admin key', keys.adminKey],
    ['search key', keys.searchKey],
  ];
}

function assertNoSecret(where: string, text: string): void {
  for (const [name, secret] of secrets()) assert.ok(!text.includes(secret), `the ${name} is in ${where}`);
}

test('no key in any page, API answer, header or script the browser loads', async () => {
  const paths = [
    '/',
    '/search?q=%E5%85%AC%E5%BC%80',
    '/search?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D',
    `/reports/${REPORT}`,
    `/reports/${REPORT}?q=%E5%85%AC%E5%BC%80`,
    '/compare',
    '/checks',
    '/reports',
    '/no-such-page',
    '/api/search?q=%E5%85%AC%E5%BC%80',
    '/api/reports',
    '/api/search?year=bad',
    `/api/reports/${REPORT}`,
    '/api/reports/no-such-report',
    '/api/nothing-here',
  ];
  const scripts = new Set<string>();
  for (const page of paths) {
    const response = await fetch(`${portal.url}${page}`);
    assert.ok(response.status < 500, `${page}: ${response.status}`);
    const body = await response.text();
    assertNoSecret(page, body);
    assertNoSecret(`${page} headers`, JSON.stringify([...response.headers]));
    for (const source of scriptSources(body)) scripts.add(source);
  }
  assert.ok(scripts.size > 0, 'the pages load scripts');
  for (const source of scripts) assertNoSecret(source, await (await fetch(new URL(source, portal.url))).text());
});

test('no client bundle holds a key or reads a key variable', async () => {
  const folder = path.resolve('.next/static');
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  assert.ok(files.length > 0);
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'latin1');
    assertNoSecret(file, text);
    assert.doesNotMatch(text, /MEILI_(?:MASTER|ADMIN|SEARCH)_KEY/, `${file} names a key variable`);
  }
});

test('the search key the portal holds cannot write, read documents, list keys or delete', async () => {
  const { documents } = liveIndexNames(PREFIX);
  const attempts: Array<[string, string, unknown?]> = [
    ['POST', `/indexes/${documents}/documents`, [{ id: 'x', text: 'injected' }]],
    ['DELETE', `/indexes/${documents}/documents`],
    ['DELETE', `/indexes/${documents}`],
    ['PATCH', `/indexes/${documents}/settings`, { searchableAttributes: ['id'] }],
    ['POST', '/indexes', { uid: 'created-by-search-key' }],
    ['POST', '/swap-indexes', [{ indexes: [documents, liveIndexNames(PREFIX).reports] }]],
    ['GET', `/indexes/${documents}/documents`],
    ['GET', '/keys'],
    ['POST', '/keys', { actions: ['*'], indexes: ['*'], expiresAt: null }],
    ['POST', '/dumps'],
  ];
  for (const [method, route, body] of attempts) {
    const response = await fetch(`${engine.url}${route}`, {
      method,
      headers: { Authorization: `Bearer ${keys.searchKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(response.status, 403, `${method} ${route} with the search key: ${response.status}`);
  }
  const search = await fetch(`${engine.url}/indexes/${documents}/search`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${keys.searchKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ q: '' }),
  });
  assert.equal(search.status, 200, 'the search key does search');
});

/** Whether something accepts TCP connections at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

test('the embedded engine listens on loopback only', async () => {
  const port = Number(new URL(engine.url).port);
  const pid = await findProcess(engine.pid, /meilisearch$/);
  assert.ok(pid, 'the meilisearch process runs');
  const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
  assert.equal(args[args.indexOf('--http-addr') + 1], `127.0.0.1:${port}`);
  assert.equal(await accepts('127.0.0.1', port), true);
  const external = Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal && address.family === 'IPv4')
    .map((address) => address!.address);
  for (const address of external) assert.equal(await accepts(address, port), false, `the engine answers on ${address}:${port}`);
});
