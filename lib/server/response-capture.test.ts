import assert from 'node:assert/strict';
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { captureResponse, type CapturedResponse } from './response-capture';

/** A server whose one response is written by `respond`; resolves with what the capture saw. */
async function capture(respond: (res: ServerResponse) => void, maxBytes = 1024, leaveEarly = false): Promise<CapturedResponse | undefined> {
  let captured!: Promise<CapturedResponse | undefined>;
  const server = http.createServer((_req, res) => {
    captured = captureResponse(res, maxBytes);
    respond(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const controller = new AbortController();
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { signal: controller.signal });
  if (leaveEarly) controller.abort();
  else await response.text();
  const result = await captured;
  server.close();
  return result;
}

test('every byte written, whatever its form, with the status and headers', async () => {
  const captured = await capture((res) => {
    res.statusCode = 201;
    res.setHeader('x-a', 'b');
    res.write('复议');
    res.write(new Uint8Array([0x2c]));
    res.write('e4b8ad', 'hex');
    res.end(Buffer.from('!'));
  });
  assert.equal(captured?.status, 201);
  assert.equal(captured?.headers['x-a'], 'b');
  assert.equal(captured?.body.toString(), '复议,中!');
});

test('a response larger than the limit is sent but not copied', async () => {
  assert.equal(await capture((res) => res.end('x'.repeat(2000))), undefined);
  assert.equal((await capture((res) => res.end('x'.repeat(1024))))?.body.length, 1024);
});

test('a response the reader left before its end is not copied', async () => {
  const captured = await capture(
    (res) => {
      res.write('start');
      // The rest is written once the reader has gone: not after a delay, which a busy machine can outlast.
      res.once('close', () => res.end('end'));
    },
    1024,
    true,
  );
  assert.equal(captured, undefined);
});
