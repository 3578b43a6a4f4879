import assert from 'node:assert/strict';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { acceptsGzip, keepablePage, keptPageKey, pageHtml } from './page-cache';
import { KEEP_PAGE_MARK } from './page-mark';

const request = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ url, method, headers }) as unknown as IncomingMessage;

test('only plain GETs of the search page are kept, each URL apart', () => {
  assert.equal(keptPageKey(request('/search?q=%E5%A4%8D%E8%AE%AE&year=2021')), '/search?q=%E5%A4%8D%E8%AE%AE&year=2021');
  assert.equal(keptPageKey(request('/search')), '/search');
  assert.equal(keptPageKey(request('/search?q=x', {}, 'HEAD')), undefined);
  assert.equal(keptPageKey(request('/search?q=x', {}, 'POST')), undefined);
  for (const url of ['/', '/reports/2020-hangzhou-xiacheng-qu', '/api/search?q=x', '/searchx', '/search/'])
    assert.equal(keptPageKey(request(url)), undefined, url);
});

test('client navigations, prefetches and fresh requests are never answered from kept pages', () => {
  assert.equal(keptPageKey(request('/search?q=x', { rsc: '1' })), undefined);
  assert.equal(keptPageKey(request('/search?q=x', { 'next-router-prefetch': '1' })), undefined);
  assert.equal(keptPageKey(request('/search?q=x&_rsc=abc12')), undefined);
  assert.equal(keptPageKey(request('/search?q=x', { 'cache-control': 'no-cache' })), undefined);
  assert.equal(keptPageKey(request('/search?q=x', { 'cache-control': 'max-age=0' })), '/search?q=x');
});

const nonce = 'AAAAAAAAAAAAAAAAAAAAAA==';
const page = (body: string, headers: OutgoingHttpHeaders = {}, status = 200) => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `script-src 'self' 'nonce-${nonce}'`, ...headers },
  body: Buffer.from(body),
});
const whole = `<html><head>${KEEP_PAGE_MARK}</head><body><script nonce="${nonce}">1</script>复议</body></html>`;

test('a whole page is kept without what belongs to one transmission', () => {
  const kept = keepablePage(page(whole, { 'content-length': '99', date: 'x', 'x-content-type-options': 'nosniff' }), 5);
  assert.equal(pageHtml(kept!, nonce).toString(), whole);
  assert.equal(kept?.nonce, nonce);
  assert.equal(kept?.renderedAt, 5);
  assert.deepEqual(Object.keys(kept.headers).sort(), ['content-security-policy', 'content-type', 'x-content-type-options']);
});

test('a compressed page is kept decompressed', () => {
  for (const [encoding, compress] of [
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync],
  ] as const) {
    const compressed = { ...page(''), body: compress(Buffer.from(whole)), headers: { ...page('').headers, 'content-encoding': encoding } };
    assert.equal(pageHtml(keepablePage(compressed)!, nonce).toString(), whole, encoding);
  }
  assert.equal(keepablePage({ ...page(whole), headers: { ...page('').headers, 'content-encoding': 'zstd' } }), undefined);
});

test('each copy has its own nonce wherever the page had the one it was rendered with', () => {
  const html = `${nonce}<script nonce="${nonce}">"${nonce}"</script>复议${nonce}`;
  const kept = keepablePage(page(`${KEEP_PAGE_MARK}${html}`))!;
  assert.equal(kept.htmlAround.length, 5);
  assert.equal(pageHtml(kept, 'NEW').toString(), `${KEEP_PAGE_MARK}${html.replaceAll(nonce, 'NEW')}`);
});

test('pages that do not say they may be kept, errors, outages and cookies are not kept', () => {
  assert.equal(keepablePage(undefined), undefined, 'cut short');
  assert.equal(keepablePage(page(whole.replace(KEEP_PAGE_MARK, ''))), undefined, 'no mark: a region missing');
  assert.equal(keepablePage(page(whole, {}, 503)), undefined, 'outage');
  assert.equal(keepablePage(page(whole, {}, 500)), undefined);
  assert.equal(keepablePage(page(whole.replace('复议', '<template data-dgst="123"></template>'))), undefined, 'a part failed');
  assert.equal(keepablePage(page(whole, { 'set-cookie': 'a=b' })), undefined);
  assert.equal(keepablePage(page(whole, { 'content-security-policy': "script-src 'self'" })), undefined, 'no nonce to replace');
});

test('gzip is sent only to readers who accept it', () => {
  assert.equal(acceptsGzip('gzip, deflate, br, zstd'), true);
  assert.equal(acceptsGzip('br;q=1.0, GZIP;q=0.5'), true);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('gzip;q=0'), false);
  assert.equal(acceptsGzip('gzip;q=0.000'), false);
  assert.equal(acceptsGzip('gzip;q=0, *'), false, 'named beats *');
  assert.equal(acceptsGzip('br, identity'), false);
  assert.equal(acceptsGzip(undefined), false);
  assert.equal(acceptsGzip(''), false);
});
