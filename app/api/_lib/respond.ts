/**
 * The API's one response shape: `{ ok: true, … }`, or `{ ok: false, error, status }` with the
 * HTTP status. Errors say what to fix; they never carry a stack trace or an engine message.
 */
import { InvalidParameterError, SearchUnavailableError } from '@/lib/search/errors';

const HEADERS = { 'Cache-Control': 'no-store' };

export function ok(body: Record<string, unknown>): Response {
  return Response.json({ ok: true, ...body }, { headers: HEADERS });
}

export function fail(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ ok: false, error, status }, { status, headers: { ...HEADERS, ...headers } });
}

/** Known errors become their status; anything else is logged here and is a bare 500. */
export function failFrom(error: unknown): Response {
  if (error instanceof InvalidParameterError) return fail(400, `参数 ${error.parameter} 无效：应为${error.detail}`);
  if (error instanceof SearchUnavailableError) {
    console.error(`api: ${error.message}`);
    return fail(503, '搜索服务暂时不可用，请稍后重试', { 'Retry-After': '30' });
  }
  console.error('api: unexpected error', error);
  return fail(500, '服务器内部错误');
}
