/**
 * The page cache in front of a handler that renders like Next.js does: a fresh nonce in the
 * policy and on the scripts, the keep mark only for whole answers, compression when asked.
 */
import assert from 'node:assert/strict';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import zlib from 'node:zlib';
import { createNonce } from './csp';
import { createAnswerCache } from '@/lib/search/answer-cache';
import { keepingPages } from './page-cache';
import { KEEP_PAGE_MARK } from './page-mark';

let renders = 0;
let serving = true;
let whole = true;
let status = 200;
let throwOnce = false;
/** Requests the server has begun to handle; a failing rendering waits for `failAfterArrivals` of them. */
let arrivals = 0;
let failAfterArrivals = 0;

async function renderLikeNext(req: IncomingMessage, res: ServerResponse): Promise<void> {
  renders += 1;
  if (throwOnce) {
    throwOnce = false;
    // Fails once every reader of the test is waiting for it, however slowly their requests arrive.
    while (arrivals < failAfterArrivals) await new Promise((resolve) => setTimeout(resolve, 5));
    throw new Error('render failed');
  }
  const nonce = createNonce();
  const html = `<html><head>${whole ? KEEP_PAGE_MARK : ''}</head><body><script nonce="${nonce}">self.n="${nonce}"</script>${req.url} fresh=${req.headers['cache-control'] === 'no-cache'} #${renders}</body></html>`;
  await new Promise((resolve) => setTimeout(resolve, 20));
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.setHeader('x-content-type-options', 'nosniff');
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.setHeader('content-encoding', 'gzip');
    res.write(zlib.gzipSync(html));
    res.end();
  } else {
    res.write(html.slice(0, 10));
    res.end(html.slice(10));
  }
}

const pages = createAnswerCache({ ttlMs: 30_000, maxEntries: 10, isServing: async () => serving });
const handle = keepingPages(renderLikeNext, pages);
const server = http.createServer((req, res) => {
  arrivals += 1;
  handle(req, res).catch(() => res.writeHead(500).end('failed'));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

test('a whole search page is rendered once, from a fresh answer, and sent again with a nonce of its own', async () => {
  const first = await get('/search?q=a');
  const firstHtml = await first.text();
  assert.equal(first.headers.get('age'), null, 'rendered for this reader');
  assert.match(firstHtml, /fresh=true #1/);

  const second = await get('/search?q=a');
  const secondHtml = await second.text();
  assert.equal(second.status, 200);
  assert.equal(second.headers.get('age'), '0');
  assert.equal(second.headers.get('x-content-type-options'), 'nosniff');
  assert.match(secondHtml, /#1/, 'the same rendering');
  const [oldNonce, newNonce] = [nonceOf(first)!, nonceOf(second)!];
  assert.notEqual(newNonce, oldNonce);
  assert.equal(secondHtml, firstHtml.replaceAll(oldNonce, newNonce), 'only the nonce differs');
  assert.ok(!secondHtml.includes(oldNonce));
  assert.equal(renders, 1);
});

test('readers who accept gzip get it compressed, from a page that was rendered compressed', async () => {
  const rendered = await get('/search?q=gz', { 'accept-encoding': 'gzip' });
  const again = await get('/search?q=gz', { 'accept-encoding': 'gzip, br' });
  assert.equal(again.headers.get('age'), '0');
  assert.match(again.headers.get('vary') ?? '', /Accept-Encoding/);
  // fetch decompresses: the text is the page, with its own nonce.
  assert.equal(await again.text(), (await rendered.text()).replaceAll(nonceOf(rendered)!, nonceOf(again)!));
  const plain = await get('/search?q=gz');
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.match(await plain.text(), /q=gz fresh=true/);
});

test('readers asking together wait for one rendering', async () => {
  const before = renders;
  const texts = await Promise.all([1, 2, 3, 4].map(() => get('/search?q=together').then((response) => response.text())));
  assert.equal(renders - before, 1);
  assert.equal(new Set(texts.map((text) => text.replace(/nonce="[^"]+"|self.n="[^"]+"/g, ''))).size, 1);
});

test('readers who waited for a rendering that failed get their own', async () => {
  throwOnce = true;
  failAfterArrivals = arrivals + 3;
  const before = renders;
  const responses = await Promise.all([1, 2, 3].map(() => get('/search?q=failed')));
  assert.deepEqual(responses.map((response) => response.status).sort(), [200, 200, 500]);
  assert.equal(renders - before, 3);
});

test('partial answers, errors and outages are rendered for each reader', async () => {
  whole = false;
  const before = renders;
  await (await get('/search?q=partial')).text();
  await (await get('/search?q=partial')).text();
  assert.equal(renders - before, 2);
  whole = true;
  status = 503;
  await (await get('/search?q=down')).text();
  const down = await get('/search?q=down');
  assert.equal(down.status, 503);
  assert.equal(down.headers.get('age'), null);
  status = 200;
});

test('nothing kept is sent while the engine fails its health check', async () => {
  await (await get('/search?q=health')).text();
  serving = false;
  const response = await get('/search?q=health');
  assert.equal(response.headers.get('age'), null, 'rendered again (the real page then shows the outage)');
  serving = true;
});

test('fresh requests, client navigations and other pages are passed through', async () => {
  await (await get('/search?q=pass')).text();
  for (const [path, headers] of [
    ['/search?q=pass', { 'cache-control': 'no-cache' }],
    ['/search?q=pass', { rsc: '1' }],
    ['/reports/x', {}],
  ] as const) {
    const before = renders;
    const response = await get(path, headers);
    await response.text();
    assert.equal(response.headers.get('age'), null, path);
    assert.equal(renders - before, 1, path);
  }
});
