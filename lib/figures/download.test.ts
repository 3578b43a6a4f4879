import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentDisposition, downloadResponse, jsonArrayChunks, publicOrigin, safeFileName, started, streamOf } from './download';

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

test('Content-Disposition: ASCII fallback and RFC 5987 filename* with the Chinese name', () => {
  const header = contentDisposition('对比-本年新收.csv');
  assert.match(header, /^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
  const encoded = header.split("filename*=UTF-8''")[1]!;
  assert.equal(decodeURIComponent(encoded), '对比-本年新收.csv');
  assert.doesNotMatch(encoded, /['()*\s]/);
});

test('the stream is pulled chunk by chunk: nothing is produced before it is read', async () => {
  let produced = 0;
  async function* chunks() {
    for (let index = 0; index < 3; index++) {
      produced++;
      yield `chunk ${index}\n`;
    }
  }
  const reader = streamOf(chunks()).getReader();
  assert.ok(produced <= 1);
  const first = await reader.read();
  assert.equal(new TextDecoder().decode(first.value), 'chunk 0\n');
  assert.ok(produced <= 2);
  await reader.cancel();
});

test('a JSON array written element by element parses back to the items', async () => {
  const items = [{ a: 1 }, { b: '中文' }];
  const text = await new Response(streamOf(jsonArrayChunks(from(items)))).text();
  assert.deepEqual(JSON.parse(text), items);
  assert.deepEqual(JSON.parse(await new Response(streamOf(jsonArrayChunks(from([])))).text()), []);
});

test('download responses carry the type, the disposition and no caching', async () => {
  const response = downloadResponse(from(['\uFEFFa,b\r\n']), 'csv', '对比');
  assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(response.headers.get('content-disposition')!, /filename\*=UTF-8''%E5%AF%B9%E6%AF%94\.csv$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
});

test('export links use the host the reader used, never a malformed one', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  assert.equal(publicOrigin(headers({ host: 'reports.example.cn' }), 'http://localhost:3000'), 'http://reports.example.cn');
  assert.equal(publicOrigin(headers({ host: '127.0.0.1:3100' }), 'http://localhost:3100'), 'http://127.0.0.1:3100');
  assert.equal(
    publicOrigin(headers({ host: 'internal:3000', 'x-forwarded-host': 'a.example', 'x-forwarded-proto': 'https' }), 'http://internal:3000'),
    'https://a.example',
  );
  assert.equal(publicOrigin(headers({ host: 'evil.example/<x>' }), 'http://localhost:3000'), 'http://localhost:3000');
  assert.equal(publicOrigin(headers({ host: 'a.example', 'x-forwarded-proto': 'javascript' }), 'http://localhost:3000'), 'http://a.example');
  assert.equal(publicOrigin(headers({}), 'http://localhost:3000'), 'http://localhost:3000');
  // A port past 65535 matches the host's shape but is no URL: the fallback, not an exception.
  assert.equal(publicOrigin(headers({ host: 'a.example', 'x-forwarded-host': 'a:99999' }), 'http://localhost:3000'), 'http://a.example');
  assert.equal(publicOrigin(headers({ host: 'a:99999' }), 'http://localhost:3000'), 'http://localhost:3000');
});

test('a configured PUBLIC_URL is the origin of every link, whatever the request says', () => {
  const request = new Headers({ host: 'evil.example', 'x-forwarded-host': 'a:99999' });
  const origin = publicOrigin(request, 'http://localhost:3000', 'https://reports.example.cn');
  assert.equal(origin, 'https://reports.example.cn');
});

test('file names from report text lose separators and quotes', () => {
  assert.equal(safeFileName('规章 · 本年新制作数量 / 本年制发件数'), '规章_·_本年新制作数量_本年制发件数');
  assert.equal(safeFileName('a"b\\c\nd'), 'a_b_c_d');
});

test('a started source has already met its first error (→ an error status, not a cut-off download)', async () => {
  // eslint-disable-next-line require-yield -- a source that fails before its first chunk
  async function* failing(): AsyncGenerator<string> {
    throw new Error('engine down');
  }
  await assert.rejects(started(failing()), /engine down/);
  async function* two() {
    yield 'a';
    yield 'b';
  }
  const items: string[] = [];
  for await (const item of await started(two())) items.push(item);
  assert.deepEqual(items, ['a', 'b']);
});
