/**
 * The portal's HTTP server: Next.js's production request handler, with rendered search pages
 * kept and sent again (lib/server/page-cache.ts), behind a guard that refuses abusive requests
 * before Next.js spends time on them (lib/server/request-guard.ts). `next start` cannot put anything in front of
 * its handler, hence this server (Next.js's "custom server"); Next.js still does everything
 * else: routing, proxy.ts, compression, static files.
 */
import http, { type ServerResponse } from 'node:http';
import next from 'next';
import { readEnv } from '@/lib/config/env';
import { isEveryEngineHealthy, searchHosts } from '@/lib/search/health';
import { createAnswerCache } from '@/lib/search/answer-cache';
import { keepingPages, MAX_KEPT_PAGES } from './page-cache';
import { answerClientError, refuseIfAbusive, REQUEST_LIMITS } from './request-guard';

function failed(res: ServerResponse, error: unknown): void {
  console.error('portal server:', error);
  if (res.headersSent) return void res.destroy();
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('500：服务器内部错误');
}

export interface PortalServerOptions {
  dir: string;
  port: number;
  /** Where to listen; every interface when unset, as `next start`. */
  hostname?: string;
}

export async function startPortalServer({ dir, port, hostname }: PortalServerOptions): Promise<http.Server> {
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const env = readEnv();
  const hosts = searchHosts(env);
  const render = app.getRequestHandler();
  // The page cache is an adapter in front of Next.js, left out when nothing may be kept
  // (SEARCH_CACHE_SECONDS=0): every request then goes to Next.js untouched.
  const serve =
    env.SEARCH_CACHE_SECONDS > 0
      ? keepingPages(
          render,
          createAnswerCache({
            ttlMs: env.SEARCH_CACHE_SECONDS * 1000,
            maxEntries: MAX_KEPT_PAGES,
            // Every server: a page kept before one fell silent would hide what is missing.
            isServing: () => isEveryEngineHealthy(hosts),
          }),
        )
      : render;
  const server = http.createServer({ maxHeaderSize: REQUEST_LIMITS.maxHeaderBytes }, (req, res) => {
    if (refuseIfAbusive(req, res)) return;
    serve(req, res).catch((error: unknown) => failed(res, error));
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  return server;
}
