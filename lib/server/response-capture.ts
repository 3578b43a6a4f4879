/**
 * A copy of what a response sends, taken on its way out: the page cache keeps what Next.js
 * rendered without asking it to render into anything but the reader's own response.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export interface CapturedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  /** The bytes as sent: compressed when the response was (see its content-encoding header). */
  body: Buffer;
}

type Chunk = string | Uint8Array | null | undefined | ((error?: Error | null) => void);

function asBuffer(chunk: Chunk, encoding: unknown): Buffer | undefined {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return undefined;
}

/**
 * Copies every byte written to `res` until it ends. Resolves with the copy once the response
 * has been sent whole, or with `undefined` when it was cut short (the reader left) or grew past
 * `maxBytes` (the copy is dropped then, the response itself goes on).
 */
export function captureResponse(res: ServerResponse, maxBytes: number): Promise<CapturedResponse | undefined> {
  let chunks: Buffer[] | undefined = [];
  let size = 0;
  const copy = (chunk: Chunk, encoding: unknown) => {
    const bytes = chunks && asBuffer(chunk, encoding);
    if (!bytes) return;
    size += bytes.length;
    if (size > maxBytes) chunks = undefined;
    else chunks!.push(bytes);
  };

  // Called back on the response itself (`.call(this, …)` below), as Node would.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const write = res.write;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: Chunk, ...rest: unknown[]) {
    copy(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  res.end = function (this: ServerResponse, chunk?: Chunk, ...rest: unknown[]) {
    copy(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof res.end;

  return new Promise((resolve) => {
    res.once('close', () =>
      resolve(res.writableFinished && chunks ? { status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) } : undefined),
    );
  });
}
