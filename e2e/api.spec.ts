/** The JSON API: the same query schema as the pages, strict, one error shape. */
import { expect, test } from '@playwright/test';

test('GET /api/search returns hits and facets with toggle links', async ({ request }) => {
  const response = await request.get('/api/search?q=%E5%9B%BD%E5%AE%B6%E7%A7%98%E5%AF%86&kind=row&per_page=5');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(response.headers()['cache-control']).toContain('no-store');
  const body = await response.json();
  expect(body).toMatchObject({ ok: true, page: 1, per_page: 5, query: { q: '国家秘密', filters: { kind: ['row'] } } });
  expect(body.total).toBeGreaterThan(0);
  expect(body.hits.length).toBeLessThanOrEqual(5);
  const [hit] = body.hits;
  expect(hit).toMatchObject({ kind: 'row', url: expect.stringMatching(/^\/reports\/[^?]+\?q=.+#t/) });
  expect(hit.values.length).toBeGreaterThan(0);
  expect(hit).not.toHaveProperty('terms');
  const kind = body.facets.kind.find((value: { value: string }) => value.value === 'row');
  expect(kind).toMatchObject({ selected: true, count: body.total, href: expect.stringContaining('/search?q=') });
});

test('GET /api/reports/<id> returns the parsed report; unknown ids are 404', async ({ request }) => {
  const found = await request.get('/api/reports/2020-hangzhou-xiacheng-qu');
  expect(found.status()).toBe(200);
  const { report } = await found.json();
  expect(report.report).toMatchObject({ id: '2020-hangzhou-xiacheng-qu', year: 2020 });
  expect(report.sections.length).toBeGreaterThan(0);
  expect(report.rows.length).toBeGreaterThan(0);

  const missing = await request.get('/api/reports/no-such-report');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ ok: false, status: 404 });
  for (const path of ['/api/nothing-here', '/api']) {
    const unknown = await request.get(path);
    expect(unknown.status(), path).toBe(404);
    expect(await unknown.json(), path).toMatchObject({ ok: false, status: 404 });
  }
});

test('bad parameters are 400s that name the parameter, with no stack trace', async ({ request }) => {
  for (const [query, parameter] of [
    ['year=2020%20OR%201%3D1', 'year'],
    ['page=-1', 'page'],
    ['per_page=51', 'per_page'],
    [`q=${'x'.repeat(5000)}`, 'q'],
    [`q=${encodeURIComponent('公'.repeat(1500))}`, 'q'],
    ['level=%E5%9B%BD%E5%AE%B6%E7%BA%A7', 'level'],
  ] as const) {
    const response = await request.get(`/api/search?${query}`);
    expect(response.status(), query.slice(0, 40)).toBe(400);
    const body = await response.json();
    expect(body).toEqual({ ok: false, status: 400, error: expect.stringContaining(`参数 ${parameter} 无效`) });
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules/);
  }
});
