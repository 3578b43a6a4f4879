/**
 * How the portal's Meilisearch client sends its requests: node:http on kept-alive connections,
 * in place of the global fetch. A CPU profile of the portal's server under load (/api/search
 * and /search asked fresh, concurrency 16, 1,000 reports) put a quarter to a third of its time
 * in the engine calls: Next.js's patched fetch (tracing, de-duplication), undici's web streams,
 * an error object made per closed connection, and a new connection per call. node:http with a
 * pool of connections spends a fraction of that for the same JSON.
 *
 * The client's own timeout still applies: it aborts the signal it passes, and the request is
 * dropped with the reason the client recognises. An answer other than 2xx becomes the client's
 * own MeilisearchApiError, so an outage is told from a bad request as before (query-engine.ts).
 */
import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError } from 'meilisearch';

/**
 * Kept-alive connections, at most this many idle. A socket keeps the async context of the
 * request that opened it (Next.js's request store, ~130 KB a page): the pool bounds how many
 * such contexts stay alive, where an unbounded one grew with the load.
 */
const MAX_IDLE_CONNECTIONS = 16;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxFreeSockets: MAX_IDLE_CONNECTIONS }),
  'https:': new https.Agent({ keepAlive: true, maxFreeSockets: MAX_IDLE_CONNECTIONS }),
};

interface Answer {
  status: number;
  statusText: string;
  body: string;
}

function send(url: URL, init: RequestInit, retryOnReset: boolean): Promise<Answer> {
  const signal = init.signal ?? undefined;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // The client tells its own timeout by the abort reason it gave (not an Error): that reason is passed on as is.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const fail = (reason: unknown) => reject(reason);
    const reasonOf = (error: Error): unknown => (signal?.aborted ? (signal.reason as unknown) : error);
    if (signal?.aborted) return fail(signal.reason);
    const request = transport.request(url, {
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers)),
      agent: agents[url.protocol === 'https:' ? 'https:' : 'http:'],
    });
    // The request's error handler rejects with the signal's reason.
    const abort = () => request.destroy(new Error('the client aborted the request'));
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', (error) => (done(), fail(reasonOf(error))));
      response.once('end', () => {
        done();
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.once('error', (error: NodeJS.ErrnoException) => {
      done();
      if (signal?.aborted) return fail(signal.reason);
      // The engine closed an idle connection as this request went out on it (Node's own advice:
      // a search changes nothing, so it is sent again, once, on a new connection).
      if (retryOnReset && request.reusedSocket && error.code === 'ECONNRESET') return resolve(send(url, init, false));
      fail(error);
    });
    request.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

/** The Meilisearch client's `httpClient`: the parsed answer, or the client's MeilisearchApiError. */
export async function engineHttpClient(input: string | URL | Request, init: RequestInit = {}): Promise<unknown> {
  const answer = await send(new URL(input instanceof Request ? input.url : input), init, true);
  const parsed: unknown = answer.body === '' ? undefined : JSON.parse(answer.body);
  if (answer.status < 200 || answer.status >= 300) {
    const response = new Response(null, { status: answer.status, statusText: answer.statusText });
    throw new MeilisearchApiError(response, parsed as ConstructorParameters<typeof MeilisearchApiError>[1]);
  }
  return parsed;
}
