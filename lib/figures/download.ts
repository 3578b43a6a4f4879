/**
 * Downloads that stream: the body is pulled from an async source one chunk at a time, so an
 * export of the national corpus never sits in memory, and the browser sees bytes as soon as
 * the first page of results is read.
 */
import { readEnv } from '@/lib/config/env';

export type ExportFormat = 'csv' | 'json';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * An ASCII fallback name and the real (Chinese) name as RFC 5987 `filename*`, which every
 * current browser prefers. CSV is an attachment; JSON is shown (the API's JSON twin), and a
 * page's link saves it with the `download` attribute.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/**
 * The origin for the absolute links in exports: PUBLIC_URL when it is set; else the origin the
 * reader used, from the first valid of X-Forwarded-Host and Host (`a:99999` is not: its port
 * is past 65535), else `fallback` (the server's own idea of its URL, which behind a
 * reverse proxy is an internal address).
 */
export function publicOrigin(headers: Headers, fallback: string, configured: string | undefined = readEnv().PUBLIC_URL): string {
  if (configured) return configured;
  const first = (name: string) => (headers.get(name) ?? '').split(',')[0]!.trim();
  const forwardedProtocol = first('x-forwarded-proto');
  const protocol = forwardedProtocol === 'http' || forwardedProtocol === 'https' ? forwardedProtocol : new URL(fallback).protocol.replace(':', '');
  for (const host of [first('x-forwarded-host'), first('host')]) {
    if (!HOST.test(host)) continue;
    try {
      return new URL(`${protocol}://${host}`).origin;
    } catch {
      // a port past 65535: not a host
    }
  }
  return fallback;
}

/** A file name from report text: no path separators, quotes or control characters. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '_').slice(0, 80);
}

/**
 * Starts `source` before the response is sent: its first item is awaited here, so an error
 * there (the engine is down) is answered with an error status, not a download cut short.
 */
export async function started<T>(source: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await source.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* source;
  })();
}

/** Pull-based: the next chunk is produced only when the reader asks for it (backpressure). */
export function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export function downloadResponse(chunks: AsyncIterable<string>, format: ExportFormat, fileName: string): Response {
  return new Response(streamOf(chunks), {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': contentDisposition(`${fileName}.${format}`, format === 'csv' ? 'attachment' : 'inline'),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** A JSON array written element by element: `[`, the items joined by `,\n`, `]`. */
export async function* jsonArrayChunks<T>(items: AsyncIterable<T>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const item of items) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
    first = false;
  }
  yield '\n]\n';
}
