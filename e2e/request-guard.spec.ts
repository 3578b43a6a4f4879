/**
 * Requests a stranger may send, answered before the app spends time on them: every method but
 * GET and HEAD, hostile Host and X-Forwarded-Host headers, floods of query parameters, headers
 * past the limit. Sent with Node's own HTTP client: a browser's refuses to set `Host` or send
 * TRACE.
 */
import http from 'node:http';
import { expect, test } from '@playwright/test';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Whether the body arrived whole (a response cut after its headers is not). */
  complete: boolean;
  ms: number;
}

function send(baseURL: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const url = new URL(baseURL);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers, setHost: !options.headers?.host, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body, complete: response.complete, ms: performance.now() - started }),
        );
        response.on('error', () =>
          resolve({ status: response.statusCode!, headers: response.headers, body, complete: false, ms: performance.now() - started }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const PAGES = ['/', '/search?q=%E5%85%AC%E5%BC%80', '/reports/2020-hangzhou-xiacheng-qu', '/compare', '/checks', '/no-such-page'];
const API = ['/api/search?q=x', '/api/reports/2020-hangzhou-xiacheng-qu', '/api/compare?measure=t2-1-1.new', '/api/export?format=csv&q=x', '/api'];

test('every method but GET and HEAD is a 405 with Allow, on pages and API alike; TRACE too', async ({ baseURL }) => {
  for (const path of [...PAGES, ...API]) {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'OPTIONS']) {
      const answer = await send(baseURL!, path, { method });
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.headers.allow, `${method} ${path}`).toBe('GET, HEAD');
      if (path.startsWith('/api'))
        expect(JSON.parse(answer.body), `${method} ${path}`).toEqual({ ok: false, status: 405, error: expect.stringContaining(method) });
      else expect(answer.body, `${method} ${path}`).toContain(method);
    }
    const head = await send(baseURL!, path, { method: 'HEAD' });
    expect(head.status, `HEAD ${path}`).toBeLessThan(500);
  }
});

test('a hostile Host is a 400; a hostile X-Forwarded-Host never reaches the export links', async ({ baseURL }) => {
  for (const host of ['a:99999', 'evil.example/<x>', 'a b']) {
    for (const path of ['/api/export?format=csv&q=%E8%A1%8C%E6%94%BF%E8%AE%B8%E5%8F%AF', '/api/compare?measure=t2-1-1.new&format=csv', '/search?q=x']) {
      const answer = await send(baseURL!, path, { headers: { host } });
      expect(answer.status, `${host} ${path}`).toBe(400);
      expect(answer.complete, `${host} ${path}`).toBe(true);
      expect(answer.body, `${host} ${path}`).toContain('Host');
    }
  }
  const own = new URL(baseURL!).host;
  for (const path of ['/api/export?format=csv&q=%E8%A1%8C%E6%94%BF%E8%AE%B8%E5%8F%AF', '/api/compare?measure=t2-1-1.new&format=csv']) {
    const answer = await send(baseURL!, path, { headers: { host: own, 'x-forwarded-host': 'a:99999', 'x-forwarded-proto': 'https' } });
    expect(answer.status, path).toBe(200);
    expect(answer.complete, path).toBe(true);
    const links = answer.body.match(/https?:\/\/[^/,"\s]+\/reports\//g) ?? [];
    expect(links.length, path).toBeGreaterThan(0);
    for (const link of links) expect(link, path).toBe(`https://${own}/reports/`);
  }
});

test('a flood of query parameters is refused at once, and a reader asking meanwhile is answered fast', async ({ baseURL }) => {
  // The flood: 6,200 parameters within the header limit (40 KB), four at once (a normal
  // request then took 5.8 s).
  const flood = `/search?${Array.from({ length: 6200 }, (_, index) => `a=${index}`).join('&')}`;
  const apiFlood = flood.replace('/search', '/api/search');
  const normal = send(baseURL!, '/api/search?q=%E5%85%AC%E5%BC%80&per_page=1', { headers: { 'cache-control': 'no-cache' } });
  const floods = await Promise.all([flood, apiFlood, flood, apiFlood].map((path) => send(baseURL!, path)));
  for (const answer of floods) {
    expect(answer.status).toBe(414);
    expect(answer.body).toContain('查询参数过多（6200 个）');
    expect(answer.ms).toBeLessThan(500);
  }
  expect(JSON.parse(floods[1]!.body)).toEqual({ ok: false, status: 414, error: expect.stringContaining('至多 256 个') });
  const answered = await normal;
  expect(answered.status).toBe(200);
  expect(answered.ms).toBeLessThan(2_000);
});

test('headers past the limit are a 431 that says so', async ({ baseURL }) => {
  const answer = await send(baseURL!, '/', { headers: { cookie: `a=${'x'.repeat(70 * 1024)}` } });
  expect(answer.status).toBe(431);
  expect(answer.body).toContain('请求头过大');
});
