import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidHost, refusalOf, REQUEST_LIMITS } from './request-guard';

const get = (url: string, headers: Record<string, string> = { host: 'localhost:3000' }) => refusalOf({ method: 'GET', url, headers });

test('GET and HEAD go on; every other method is a 405 naming the allowed ones', () => {
  assert.equal(get('/search?q=x'), null);
  assert.equal(refusalOf({ method: 'HEAD', url: '/', headers: {} }), null);
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS', 'CONNECT', 'PROPFIND']) {
    const refusal = refusalOf({ method, url: '/api/search', headers: {} });
    assert.equal(refusal?.status, 405, method);
    assert.equal(refusal?.headers?.Allow, 'GET, HEAD', method);
  }
});

test('a Host that is no host, or whose port is past 65535, is a 400', () => {
  for (const host of ['a:99999', 'a:0', 'evil.example/<x>', 'a b', 'a:', '[::1', 'a:-1']) assert.equal(get('/', { host })?.status, 400, host);
  for (const host of ['localhost', 'localhost:3000', 'reports.example.cn', '127.0.0.1:65535', '[::1]:3000', 'example.cn.']) {
    assert.equal(isValidHost(host), true, host);
  }
});

test('query parameters past the cap, or a URL past its length, are a 414 with the limit', () => {
  const many = (count: number) => `/api/search?${Array.from({ length: count }, (_, index) => `year=${index}`).join('&')}`;
  assert.equal(get(many(REQUEST_LIMITS.maxQueryParameters)), null);
  const refusal = get(many(REQUEST_LIMITS.maxQueryParameters + 1));
  assert.equal(refusal?.status, 414);
  assert.match(refusal.error, new RegExp(`${REQUEST_LIMITS.maxQueryParameters + 1} 个.*至多 ${REQUEST_LIMITS.maxQueryParameters} 个`));
  // Empty pieces between ampersands are no parameters.
  assert.equal(get(`/search?${'&'.repeat(5000)}q=x`), null);
});

test('a query whose escapes are no UTF-8 is a 400 saying so; a stray % is left as typed', () => {
  for (const url of ['/api/reports?city=%FF%FE', '/search?q=%E8%A1', '/search?q=%C0%AF', '/api/search?q=ok&year=%ED%A0%80']) {
    const refusal = get(url);
    assert.equal(refusal?.status, 400, url);
    assert.match(refusal.error, /UTF-8/);
  }
  for (const url of ['/search?q=%E8%A1%8C%E6%94%BF', '/search?q=100%', '/search?q=50%25+off', '/search?q=%zz', '/search?q=行政复议', '/search']) {
    assert.equal(get(url), null, url);
  }
});
