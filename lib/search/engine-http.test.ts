import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { MeilisearchApiError } from 'meilisearch';
import { engineHttpClient } from './engine-http';

async function serve(handler: http.RequestListener): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test('the answer is parsed JSON; the request goes out with its method, headers and body', async () => {
  const { url, server } = await serve((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () =>
      res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body, encoding: req.headers['accept-encoding'] ?? null })),
    );
  });
  try {
    const answer = await engineHttpClient(new URL('/multi-search', url), { method: 'POST', headers: { Authorization: 'Bearer k' }, body: '{"q":"复议"}' });
    assert.deepEqual(answer, { method: 'POST', auth: 'Bearer k', body: '{"q":"复议"}', encoding: null });
  } finally {
    server.close();
  }
});

test("an answer other than 2xx is the client's MeilisearchApiError, with the engine's code", async () => {
  const { url, server } = await serve((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Index `x` not found.', code: 'index_not_found' }));
  });
  try {
    const error = await engineHttpClient(`${url}/indexes/x/search`, { method: 'POST', body: '{}' }).catch((caught: unknown) => caught);
    assert.ok(error instanceof MeilisearchApiError);
    assert.equal(error.response.status, 404);
    assert.equal(error.cause?.code, 'index_not_found');
  } finally {
    server.close();
  }
});

test('an aborted signal drops the request with its reason', async () => {
  const { url, server } = await serve(() => {});
  const controller = new AbortController();
  try {
    const pending = engineHttpClient(url, { signal: controller.signal });
    const reason = Symbol('timeout');
    setTimeout(() => controller.abort(reason), 50);
    await assert.rejects(pending, (error) => error === reason);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a kept-alive connection the engine closed while the request went out is retried once on a new one', async () => {
  let requests = 0;
  const { url, server } = await serve((req, res) => {
    requests++;
    // The second request arrives on the kept-alive connection of the first: cut it without answering.
    if (requests === 2) return req.socket.destroy();
    res.end('{"ok":true}');
  });
  try {
    assert.deepEqual(await engineHttpClient(url), { ok: true });
    assert.deepEqual(await engineHttpClient(url), { ok: true });
    assert.equal(requests, 3);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
