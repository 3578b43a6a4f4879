/**
 * Hostile input to every entry point of the portal (the API, the search page, report pages):
 * each is answered with a 4xx and a message, or with a safe result, never a 500, and no body
 * ever carries a stack trace or a server file path. Injection attempts must not widen a
 * filter: a quoted value that matches nothing finds nothing.
 */
import { expect, test, type APIResponse } from '@playwright/test';
import { watchConsole } from './portal-helpers';

/** What a leaked error looks like: a V8 stack frame, a server path, a bundler path. */
const LEAK = /\n\s*at [\w.<>$]+ \(|\bat (?:async )?[\w.]+ \(?\/|\/work\/|\/home\/|node_modules|webpack-internal|\.next\/server|file:\/\//;

async function expectSafe(response: APIResponse, label: string): Promise<string> {
  const status = response.status();
  expect(status, `${label}: status ${status}`).toBeLessThan(500);
  const body = await response.text();
  expect(body, `${label}: leaks a stack trace or path`).not.toMatch(LEAK);
  return body;
}

/** The API's error shape for a 4xx; the results shape for a 200. */
async function expectApiShape(response: APIResponse, label: string): Promise<{ ok: boolean; total?: number; error?: string }> {
  const text = await expectSafe(response, label);
  expect(response.headers()['content-type'], `${label}: ${response.status()} ${text.slice(0, 80)}`).toContain('application/json');
  const body = JSON.parse(text);
  if (response.status() === 200) expect(body, label).toMatchObject({ ok: true, total: expect.any(Number) });
  else expect(body, label).toEqual({ ok: false, status: response.status(), error: expect.any(String) });
  return body;
}

const repeated = (name: string, count: number) => Array.from({ length: count }, (_, index) => `${name}=${index}`).join('&');

/** Query strings a hostile client may send, each as the raw text after `?`. */
const HOSTILE_QUERIES: Array<[string, string]> = [
  ['year injection', 'year=2020%20OR%201%3D1'],
  ['province injection', `province=${encodeURIComponent('福建省" OR year > 0 OR "')}`],
  ['issuer with backslash and quote', `issuer=${encodeURIComponent('a\\" OR "1"="1')}`],
  ['filter expression in q', `q=${encodeURIComponent('年报" OR year > 0')}`],
  ['html in q', `q=${encodeURIComponent('<script>alert(1)</script><img src=x onerror=alert(2)>')}`],
  ['5,000-character q', `q=${'x'.repeat(5000)}`],
  ['1,000 repeated year', repeated('year', 1000)],
  ['1,000 repeated q', repeated('q', 1000)],
  ['1,000 repeated unknown', repeated('zzz', 1000)],
  ['invalid UTF-8', 'q=%FF%FE'],
  ['lone surrogate escape', 'q=%ED%A0%80'],
  ['bad percent escape', 'q=%E4%ZZ'],
  ['NUL byte', 'q=a%00b&province=%00'],
  ['negative page', 'page=-1'],
  ['huge page', 'page=99999999999999999999'],
  ['page not a number', 'page=1e3'],
  ['per_page zero', 'per_page=0'],
  ['unknown facet', 'color=red&facet=year'],
  ['closed facet value', `category=${encodeURIComponent('<b>x</b>')}`],
  ['51 distinct provinces', Array.from({ length: 51 }, (_, index) => `province=p${index}`).join('&')],
  ['sort injection', `sort=${encodeURIComponent('year:desc, id:asc')}`],
  ['array-like params', 'year[]=2020&q[$ne]=1'],
];

test('the API answers every hostile query with its error shape or a result, never a 500', async ({ request }) => {
  for (const [label, query] of HOSTILE_QUERIES) await expectApiShape(await request.get(`/api/search?${query}`), label);
});

test('the search page answers every hostile query, never with a 500 or an unescaped tag', async ({ request }) => {
  for (const [label, query] of HOSTILE_QUERIES) {
    const response = await request.get(`/search?${query}`);
    const body = await expectSafe(response, label);
    expect(body, label).not.toContain('<script>alert(1)</script>');
    expect(body, label).not.toContain('<img src=x onerror');
  }
});

test('an injected filter value matches nothing: the filter is a quoted literal', async ({ request }) => {
  const all = await expectApiShape(await request.get('/api/search?per_page=1'), 'all');
  expect(all.total).toBeGreaterThan(0);
  for (const query of [
    `province=${encodeURIComponent('福建省" OR year > 0 OR "')}`,
    `issuer=${encodeURIComponent('x" OR issuer EXISTS OR "')}`,
    `district=${encodeURIComponent("' OR 1=1 --")}`,
  ]) {
    const body = await expectApiShape(await request.get(`/api/search?per_page=1&${query}`), query);
    expect(body, query).toMatchObject({ ok: true, total: 0 });
  }
  const year = await expectApiShape(await request.get('/api/search?year=2020%20OR%201%3D1'), 'year');
  expect(year).toMatchObject({ ok: false, error: expect.stringContaining('year') });
});

test('an unknown parameter changes nothing', async ({ request }) => {
  const plain = await expectApiShape(await request.get('/api/search?q=%E5%85%AC%E5%BC%80&per_page=1'), 'plain');
  const withUnknown = await expectApiShape(await request.get('/api/search?q=%E5%85%AC%E5%BC%80&per_page=1&color=red&facet=year'), 'unknown');
  expect(withUnknown.total).toBe(plain.total);
});

test('hostile report ids are a 400 or a 404, never a 500', async ({ request }) => {
  const ids = [
    '..%2F..%2Fetc%2Fpasswd',
    'a%22%20OR%20id%20EXISTS%20OR%20%22',
    '%00',
    `${'a'.repeat(3000)}`,
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    "x'%20OR%20'1'%3D'1",
  ];
  for (const id of ids) {
    const api = await request.get(`/api/reports/${id}`);
    await expectApiShape(api, `api ${id.slice(0, 40)}`);
    expect([400, 404], id.slice(0, 40)).toContain(api.status());
    const page = await request.get(`/reports/${id}`);
    const body = await expectSafe(page, `page ${id.slice(0, 40)}`);
    expect([400, 404], id.slice(0, 40)).toContain(page.status());
    expect(body).not.toContain('<script>alert(1)</script>');
  }
});

test('a path segment that is not valid percent-encoded UTF-8 is a 400, not a 500', async ({ request }) => {
  // Next.js decodes dynamic segments with decodeURIComponent, which throws on these.
  for (const path of ['/reports/%FF%FE', '/reports/%E4%ZZ', '/api/reports/%FF%FE', '/api/reports/%E4%ZZ', '/api/%FF']) {
    const response = await request.get(path);
    await expectSafe(response, path);
    expect(response.status(), path).toBe(400);
    if (path.startsWith('/api/')) await expectApiShape(response, path);
  }
});

test('methods the API does not serve are refused, not crashed on', async ({ request }) => {
  for (const path of ['/api/search', '/api/reports/2020-hangzhou-xiacheng-qu']) {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      const response = await request.fetch(path, { method, data: '{"q":"x"}', headers: { 'Content-Type': 'application/json' } });
      expect(response.status(), `${method} ${path}`).toBeGreaterThanOrEqual(400);
      await expectSafe(response, `${method} ${path}`);
    }
  }
});

test('every page sends the security headers, and the browser reports no CSP violation', async ({ page }) => {
  const problems = watchConsole(page);
  const paths = [
    '/',
    `/search?q=${encodeURIComponent('<script>alert(1)</script>')}`,
    '/reports/2020-hangzhou-xiacheng-qu?q=%E5%85%AC%E5%BC%80',
    '/compare',
    '/checks',
    '/no-such-page',
  ];
  for (const path of paths) {
    const response = (await page.goto(path))!;
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by'], path).toBeUndefined();
  }
  for (const path of ['/api/search?q=x', '/api/reports/no-such-report']) {
    const response = await page.request.get(path);
    expect(response.headers()['content-security-policy'], path).toContain("default-src 'none'");
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
  expect(problems.filter((problem) => /Content Security Policy|Refused to/i.test(problem))).toEqual([]);
});
