/**
 * The portal's memory of rendered search pages. A search page costs ~23 ms of the server's one
 * JavaScript thread even when its answer is remembered (lib/search/answer-cache.ts): sixteen
 * readers at once wait ~370 ms for each other. Readers ask the same searches again and again
 * (the home page's links, paging back, a shared link), so the HTML of such a page is kept for
 * SEARCH_CACHE_SECONDS and sent again, under the same rules as remembered answers: only while
 * every engine server answers its health check, never an error, an outage notice or an answer
 * with a region missing (the page says it may be kept: lib/server/page-mark.ts), and never for
 * a request that asks for a fresh answer (`Cache-Control: no-cache`).
 *
 * A kept page is the same for every reader, but its Content-Security-Policy nonce must not be:
 * a nonce known in advance would let an injected script run. Each copy sent gets a fresh nonce,
 * swapped for the one the page was rendered with, in the policy and in the HTML alike.
 */
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import Negotiator from 'negotiator';
import { createNonce } from './csp';
import { asksForFreshAnswer, type AnswerCache } from '@/lib/search/answer-cache';
import { KEEP_PAGE_MARK } from './page-mark';
import { captureResponse, type CapturedResponse } from './response-capture';

/** The pages that may be kept: the one readers repeat. */
const KEPT_PATHS = new Set(['/search']);

/** A page larger than this is sent, not kept (a search page of 20 hits is ~200 KB). */
export const MAX_KEPT_PAGE_BYTES = 1024 * 1024;

/** At most this many pages are kept (the least recently used goes first): ≤ 200 MB, ~40 MB typically. */
export const MAX_KEPT_PAGES = 200;

export interface KeptPage {
  status: number;
  headers: OutgoingHttpHeaders;
  /** The HTML (UTF-8) cut where the nonce it was rendered with stood: a copy is joined with its own. */
  htmlAround: Buffer[];
  /** The nonce the page was rendered with, replaced in each copy sent. */
  nonce: string;
  renderedAt: number;
}

/** `bytes` cut at every occurrence of `separator`. */
function splitBytes(bytes: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(separator); at !== -1; at = bytes.indexOf(separator, start)) {
    parts.push(bytes.subarray(start, at));
    start = at + separator.length;
  }
  parts.push(bytes.subarray(start));
  return parts;
}

/** A copy of the kept page's HTML with `nonce` where the page's own stood. */
export function pageHtml(page: KeptPage, nonce: string): Buffer {
  const glue = Buffer.from(nonce);
  return Buffer.concat(page.htmlAround.flatMap((part, index) => (index === 0 ? [part] : [glue, part])));
}

/**
 * Client-side navigations and prefetches ask for the same URL with `RSC` and `Next-Router-*`
 * headers and get React's data, not HTML: another answer, never kept or served from here.
 */
function isAppRouterRequest(headers: IncomingHttpHeaders, url: string): boolean {
  return Object.keys(headers).some((name) => name === 'rsc' || name.startsWith('next-')) || /[?&]_rsc=/.test(url);
}

/** The key under which the request's page is kept, or `undefined` when it is not a page that may be kept. */
export function keptPageKey(req: IncomingMessage): string | undefined {
  const url = req.url ?? '';
  if (req.method !== 'GET' || !KEPT_PATHS.has(url.split('?', 1)[0]!)) return undefined;
  if (isAppRouterRequest(req.headers, url) || asksForFreshAnswer(req.headers['cache-control'])) return undefined;
  return url;
}

function decodeBody(body: Buffer, encoding: unknown): Buffer | undefined {
  switch (encoding ?? 'identity') {
    case 'identity':
      return body;
    case 'gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      return undefined;
  }
}

/** Headers of the response that belong to one transmission, not to the page. */
const PER_RESPONSE_HEADERS = ['content-length', 'content-encoding', 'transfer-encoding', 'connection', 'keep-alive', 'date'];

/** The response as a page to keep, or `undefined` when it may not be served to anyone else. */
export function keepablePage(response: CapturedResponse | undefined, now = Date.now()): KeptPage | undefined {
  if (!response || response.status !== 200 || response.headers['set-cookie'] !== undefined) return undefined;
  const nonce = /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy'] ?? ''))?.[1];
  const html = decodeBody(response.body, response.headers['content-encoding']);
  // `data-dgst` is React's mark of a part that failed to render and is left to the browser.
  if (!nonce || !html?.includes(KEEP_PAGE_MARK) || html.includes('data-dgst')) return undefined;
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !PER_RESPONSE_HEADERS.includes(name)));
  return { status: response.status, headers, htmlAround: splitBytes(html, Buffer.from(nonce)), nonce, renderedAt: now };
}

/** Whether the reader accepts gzip (`Accept-Encoding`, read by `negotiator`: named, or `*`, with a q-value above 0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encodings(['gzip']).includes('gzip');
}

function withVary(vary: OutgoingHttpHeaders[string], name: string): string {
  const values = [vary ?? []].flat().map(String).filter(Boolean);
  return values.some((value) => value.toLowerCase().includes(name.toLowerCase())) ? values.join(', ') : [...values, name].join(', ');
}

/** Sends a copy of the kept page with a nonce of its own; compressed (off the main thread) when the reader accepts gzip. */
export function sendKeptPage(page: KeptPage, req: IncomingMessage, res: ServerResponse, now = Date.now()): Promise<void> {
  const nonce = createNonce();
  const html = pageHtml(page, nonce);
  const headers: OutgoingHttpHeaders = {
    ...page.headers,
    'content-security-policy': String(page.headers['content-security-policy']).replaceAll(page.nonce, nonce),
    vary: withVary(page.headers.vary, 'Accept-Encoding'),
    age: String(Math.max(0, Math.floor((now - page.renderedAt) / 1000))),
  };
  return new Promise((resolve) => {
    const send = (body: Buffer, encoding?: string) => {
      res.writeHead(page.status, { ...headers, ...(encoding ? { 'content-encoding': encoding } : {}), 'content-length': body.length });
      res.end(body, resolve);
    };
    if (!acceptsGzip(req.headers['accept-encoding'])) return send(html);
    zlib.gzip(html, (error, body) => (error ? send(html) : send(body, 'gzip')));
  });
}

/** A request handler: Next.js's, or one in front of it. */
export type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Serves the request from a kept page, or lets Next.js render it (keeping the page when it may
 * be kept). Readers asking for the same page while it renders wait for that rendering.
 */
export function keepingPages(handle: Handle, pages: AnswerCache): Handle {
  return async (req, res) => {
    const key = keptPageKey(req);
    if (!key) return handle(req, res);
    let renderedHere = false;
    const render = async (): Promise<KeptPage | undefined> => {
      renderedHere = true;
      // A kept page is sent for SEARCH_CACHE_SECONDS: it is rendered from a fresh answer, not
      // from a remembered one that may already be that old (lib/search/client.ts).
      req.headers['cache-control'] = 'no-cache';
      const captured = captureResponse(res, MAX_KEPT_PAGE_BYTES);
      await handle(req, res);
      return keepablePage(await captured);
    };
    const page = await pages
      .answer(key, render, (kept) => kept !== undefined)
      .catch((error: unknown) => {
        if (renderedHere) throw error;
        return undefined;
      });
    if (renderedHere) return;
    // The rendering waited for failed or could not be kept (an error, an outage): this reader gets their own.
    return page ? sendKeptPage(page, req, res) : handle(req, res);
  };
}
