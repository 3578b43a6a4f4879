/**
 * What the portal refuses before Next.js sees a request, in a few microseconds of its one
 * thread: Next.js's own URL handling costs grow with the square of the number of query
 * parameters (four requests of 6,200 parameters held a normal request up for 5.8 s), TRACE
 * made it answer 500 on every route, pages answered POST with 200, and a `Host` with a port
 * past 65535 broke the links of exports, and escapes that are no UTF-8 became U+FFFD searched for
 * as a value. Each refusal says what was wrong: the API's error
 * shape under /api/, a line of text elsewhere.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export const REQUEST_LIMITS = {
  /**
   * Far more facet values than a reader selects. Measured: 255 parameters added ~5 ms to
   * /api/search and ~20 ms to a fresh /search page.
   */
  maxQueryParameters: 256,
  /**
   * Request line and headers together (Node's own limit, answered by `answerClientError`). A
   * pasted 5,000-character Chinese query is ~45 KB of URL: with 64 KB the search page still
   * searches its first 200 characters and says so, and the API names the parameter.
   */
  maxHeaderBytes: 64 * 1024,
} as const;

export const ALLOWED_METHODS = ['GET', 'HEAD'] as const;

export interface Refusal {
  status: 400 | 405 | 414;
  error: string;
  headers?: Record<string, string>;
}

/** A host name or an IPv4/IPv6 literal, with an optional port of 1–65535. */
export function isValidHost(host: string): boolean {
  const match = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::([0-9]{1,5}))?$/.exec(
    host,
  );
  if (!match) return false;
  const port = match[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

function queryParameterCount(url: string): number {
  const query = url.indexOf('?');
  if (query === -1) return 0;
  let count = 0;
  let start = query + 1;
  for (let at = url.indexOf('&', start); ; at = url.indexOf('&', start)) {
    const end = at === -1 ? url.length : at;
    if (end > start) count += 1;
    if (at === -1) return count;
    start = at + 1;
  }
}

/**
 * Whether the query's percent-escapes spell text: `%FF%FE` is no UTF-8, and read by Next.js
 * it becomes U+FFFD, searched for as a literal value. A `%` not followed by two hex digits is
 * left to the framework, which keeps it as written (`100%` typed into an address).
 */
function queryIsText(url: string): boolean {
  const query = url.indexOf('?');
  if (query === -1) return true;
  try {
    decodeURIComponent(url.slice(query + 1).replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
    return true;
  } catch {
    return false;
  }
}

/** Why the request is refused, or null when it may go on to the app. */
export function refusalOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): Refusal | null {
  const method = req.method ?? '';
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    return { status: 405, error: `不支持 ${method} 请求：只接受 ${ALLOWED_METHODS.join('、')}`, headers: { Allow: ALLOWED_METHODS.join(', ') } };
  }
  const host = req.headers.host;
  if (host !== undefined && !isValidHost(host)) return { status: 400, error: 'Host 请求头无效：应为主机名，可带 1–65535 的端口' };
  const parameters = queryParameterCount(req.url ?? '/');
  if (parameters > REQUEST_LIMITS.maxQueryParameters) {
    return { status: 414, error: `查询参数过多（${parameters} 个）：至多 ${REQUEST_LIMITS.maxQueryParameters} 个` };
  }
  if (!queryIsText(req.url ?? '/')) return { status: 400, error: '查询参数不是有效的 UTF-8 编码：请检查地址中的 % 转义' };
  return null;
}

/** Answers the refusal: the API's JSON error shape under /api/, plain text elsewhere. */
export function answerRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const api = (req.url ?? '').startsWith('/api/') || req.url === '/api';
  const body = api ? JSON.stringify({ ok: false, error: refusal.error, status: refusal.status }) : `${refusal.status}：${refusal.error}\n`;
  res.writeHead(refusal.status, {
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...refusal.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Refuses what `refusalOf` refuses; returns whether the request was answered. */
export function refuseIfAbusive(req: IncomingMessage, res: ServerResponse): boolean {
  const refusal = refusalOf(req);
  if (refusal) answerRefusal(req, res, refusal);
  return refusal !== null;
}

/**
 * Node's answer to a request whose headers pass `maxHeaderBytes` (or that cannot be parsed):
 * the status with a line saying why, instead of a bare status or a dropped connection.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', `请求头过大：请求行与请求头合计至多 ${REQUEST_LIMITS.maxHeaderBytes} 字节`]
      : [400, 'Bad Request', '请求格式无效'];
  const body = `${status}：${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
