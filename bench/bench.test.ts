/**
 * The benchmark's own machinery: the load loop stays within its time and request budgets,
 * counts errors, refuses non-loopback targets; percentiles, memory trends and script
 * discovery compute what they claim.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { processTree } from '@/test/support/processes';
import { scriptSources } from '@/test/support/page-scripts';
import { assertLoopback, percentiles, runInterleaved, runLoad, type LoadTarget } from './load';
import { treeMemory } from './proc';
import { memoryTrend } from './soak';

let server: http.Server;
let origin: string;
const seen: string[] = [];

before(async () => {
  server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    if (request.url === '/fail') response.writeHead(500).end('boom');
    else setTimeout(() => response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok'), 2);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const target = (paths: string[]): LoadTarget => ({ name: 'test', origin, requests: paths.map((path) => [{ method: 'GET', path }]) });

describe('runLoad', () => {
  it('stops at the request budget', async () => {
    const result = await runLoad(target(['/a', '/b']), { concurrency: 4, durationMs: 10_000, maxRequests: 40 });
    assert.equal(result.latenciesMs.length, 40);
    assert.equal(result.errors, 0);
    assert.ok(result.elapsedMs < 10_000);
  });

  it('stops at the time budget', async () => {
    const result = await runLoad(target(['/a']), { concurrency: 2, durationMs: 300, maxRequests: 1_000_000 });
    assert.ok(result.elapsedMs >= 300 && result.elapsedMs < 2_000, `${result.elapsedMs} ms`);
    assert.ok(result.latenciesMs.length > 10);
  });

  it('counts a 5xx as an error and says what it was', async () => {
    const result = await runLoad(target(['/a', '/fail']), { concurrency: 1, durationMs: 10_000, maxRequests: 10 });
    assert.equal(result.errors, 5);
    assert.equal(result.latenciesMs.length, 5);
    assert.match(result.errorSamples[0]!, /HTTP 500/);
  });

  it('sends the calls of one request in order, and the requests in turn', async () => {
    seen.length = 0;
    const sequence: LoadTarget = {
      name: 'seq',
      origin,
      requests: [
        [
          { method: 'GET', path: '/1' },
          { method: 'POST', path: '/2', body: 'x' },
        ],
      ],
    };
    await runLoad(sequence, { concurrency: 1, durationMs: 10_000, maxRequests: 2 });
    assert.deepEqual(seen, ['GET /1', 'POST /2', 'GET /1', 'POST /2']);
  });

  it('refuses a target that is not on loopback', async () => {
    assert.throws(() => assertLoopback('http://example.com'), /not on loopback/);
    await assert.rejects(runLoad({ ...target(['/']), origin: 'http://10.0.0.1:80' }, { concurrency: 1, durationMs: 100, maxRequests: 1 }), /not on loopback/);
  });
});

describe('runInterleaved', () => {
  it('measures every target for about the duration asked, in slices', async () => {
    const results = await runInterleaved([target(['/x']), { ...target(['/y']), name: 'other' }], {
      concurrency: 2,
      durationMs: 400,
      sliceMs: 100,
      warmupMs: 50,
      maxRequests: 1_000_000,
    });
    assert.deepEqual(
      results.map((result) => result.name),
      ['test', 'other'],
    );
    for (const result of results) {
      assert.ok(result.latency.count > 10);
      assert.ok(result.throughput > 0);
      assert.equal(result.errors, 0);
    }
  });
});

describe('figures', () => {
  it('percentiles are nearest-rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    assert.deepEqual(percentiles(values), { count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    assert.equal(percentiles([7]).p99, 7);
  });

  it('memory is flat unless the last third outgrows the middle one by more than 10%', () => {
    assert.equal(memoryTrend([100, 300, 200, 210, 200, 215]).flat, true);
    assert.equal(memoryTrend([100, 100, 200, 200, 300, 300]).flat, false);
  });

  it('finds the script files of a page, once each', () => {
    const html =
      '<script src="/_next/a.js" async=""></script><script>inline()</script><script nonce="n" src="/_next/b.js?x=1&amp;y=2"></script><script src="/_next/a.js"></script>';
    assert.deepEqual(scriptSources(html), ['/_next/a.js', '/_next/b.js?x=1&y=2']);
  });

  it('reads the memory of this process tree from /proc', async () => {
    assert.deepEqual((await processTree(process.pid))[0], process.pid);
    const memory = await treeMemory(process.pid);
    assert.ok(memory.rssBytes > 10 * 1024 * 1024 && memory.peakRssBytes >= memory.rssBytes);
  });
});
