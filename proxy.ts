/**
 * Runs before every page request (Next.js requires this file at the project root):
 * - sets the page's Content-Security-Policy with a fresh nonce (lib/server/csp.ts);
 * - answers 503 when the search engine is down. In the App Router a page cannot set its own
 *   status, so the engine's health is checked here, before rendering, for the pages that
 *   need it; the response keeps the 503 and the page, told by a request header
 *   (app/_lib/outage.ts), renders the outage notice instead of querying. An outage that
 *   starts after the check still shows the notice, through the error boundary;
 * - refuses, with a 400, paths that are not valid percent-encoded UTF-8: Next.js decodes
 *   dynamic segments with decodeURIComponent and would answer such a path with a 500;
 * - answers 400 for the list of all reports with a parameter it cannot read (the page, which
 *   reads them with the same parser, says which and why).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { readEnv } from '@/lib/config/env';
import { isAnyEngineHealthy, isEveryEngineHealthy, searchHosts } from '@/lib/search/health';
import { contentSecurityPolicy, createNonce } from '@/lib/server/csp';
import { OUTAGE_HEADER, OUTAGE_MARK } from '@/app/_lib/outage';
import { parseReportListParams, REPORT_LIST_PATH } from '@/lib/figures/report-list-params';
import { InvalidParameterError } from '@/lib/search/errors';

/**
 * Pages that cannot render without the engine (each checks `engineIsDown()` first). On a
 * cluster, searching needs one server that answers (the page names what is missing); the
 * comparison and the data-quality list need every server, or their figures would be partial.
 */
const ANY_SERVER_PAGES = ['/', '/search'];
const EVERY_SERVER_PAGES = ['/compare', '/checks', REPORT_LIST_PATH];

let engineHosts: string[] | undefined;

async function engineIsDown(request: NextRequest): Promise<boolean> {
  const { pathname } = request.nextUrl;
  const needsEvery = EVERY_SERVER_PAGES.includes(pathname);
  if (!needsEvery && !ANY_SERVER_PAGES.includes(pathname) && !pathname.startsWith('/reports/')) return false;
  engineHosts ??= searchHosts(readEnv());
  return needsEvery ? !(await isEveryEngineHealthy(engineHosts)) : !(await isAnyEngineHealthy(engineHosts));
}

/** Whether a page reads its parameters strictly (a bad one is a 400, shown by the page). */
function hasInvalidParameter(request: NextRequest): boolean {
  if (request.nextUrl.pathname !== REPORT_LIST_PATH) return false;
  try {
    parseReportListParams(request.nextUrl.searchParams);
    return false;
  } catch (error) {
    if (error instanceof InvalidParameterError) return true;
    throw error;
  }
}

function isValidPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function invalidPath(pathname: string): Response {
  const error = '路径不是有效的 UTF-8 百分号编码';
  return pathname.startsWith('/api/')
    ? Response.json({ ok: false, error, status: 400 }, { status: 400 })
    : new Response(`400：${error}`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!isValidPath(pathname)) return invalidPath(pathname);
  // The API answers JSON: no page policy, and its routes report an engine outage themselves.
  if (pathname.startsWith('/api/')) return NextResponse.next();

  const policy = contentSecurityPolicy(createNonce(), process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it emits.
  requestHeaders.set('Content-Security-Policy', policy);
  requestHeaders.delete(OUTAGE_HEADER);

  const down = await engineIsDown(request);
  if (down) requestHeaders.set(OUTAGE_HEADER, OUTAGE_MARK);
  const status = down ? 503 : hasInvalidParameter(request) ? 400 : undefined;
  const response = NextResponse.next({ request: { headers: requestHeaders }, ...(status ? { status } : {}) });
  response.headers.set('Content-Security-Policy', policy);
  if (down) response.headers.set('Retry-After', '30');
  return response;
}

export const config = {
  matcher: [
    {
      // Not /api/search: the API's busiest route has no path segment to check, and running this
      // file cost it ~0.5 ms of CPU per search (of ~11 ms) under the benchmark's load.
      source: '/((?!_next/static|_next/image|favicon.ico|api/search$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
