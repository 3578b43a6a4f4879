import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { EvalQuery } from './queries';
import { httpSearcher } from './searchers';

/** Stands in for the portal's /api/search: records what was asked, answers in the API's shape. */
let server: Server;
let portalUrl: string;
const asked: URL[] = [];
let status = 200;

before(async () => {
  server = createServer((request, response) => {
    asked.push(new URL(request.url ?? '/', 'http://portal'));
    response.writeHead(status, { 'content-type': 'application/json' });
    const hit = { id: '2020-hangzhou-xiacheng-qu__part-1-1', kind: 'section', year: 2020, text: '利用数字驾驶舱精准推送', snippet: [] };
    response.end(JSON.stringify(status === 200 ? { ok: true, total: 1, hits: [hit] } : { ok: false, error: '参数 year 无效', status }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  portalUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server?.close());

const QUERY: EvalQuery = {
  id: 'dev-01',
  q: '数字驾驶舱 惠企政策',
  filters: { year: 2020, level: ['区县级'] },
  relevant: [{ year: 2020, evidence: '数字驾驶舱' }],
};

test('asks the portal API the way the search page URL does and reads year and text of the hits', async () => {
  const hits = await httpSearcher(portalUrl)(QUERY);
  assert.deepEqual(hits, [{ year: 2020, text: '利用数字驾驶舱精准推送' }]);
  const url = asked.at(-1)!;
  assert.equal(url.pathname, '/api/search');
  assert.equal(url.searchParams.get('q'), '数字驾驶舱 惠企政策');
  assert.deepEqual(url.searchParams.getAll('year'), ['2020']);
  assert.deepEqual(url.searchParams.getAll('level'), ['区县级']);
  assert.equal(url.searchParams.get('per_page'), '10');
});

test('an error answer from the portal is an error, not an empty result list', async () => {
  status = 400;
  await assert.rejects(httpSearcher(portalUrl)(QUERY), /HTTP 400/);
  status = 200;
});
