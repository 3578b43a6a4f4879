/**
 * The portal's HTTP server: Next.js's production request handler, with rendered search pages
 * kept and sent again (lib/server/page-cache.ts). `next start` cannot put anything in front of
 * its handler, hence this server (Next.js's "custom server"); Next.js still does everything
 * else: routing, proxy.ts, compression, static files.
 */
import http, { type ServerResponse } from 'node:http';
import next from 'next';
import { readEnv } from '@/lib/config/env';
import { isEveryEngineHealthy, searchHosts } from '@/lib/search/health';
import { createAnswerCache } from '@/lib/search/answer-cache';
import { keepingPages, MAX_KEPT_PAGES } from './page-cache';

/**
 * A 5,000-character Chinese query is ~45 KB of URL, past Node's default 16 KB header limit,
 * where Node answers a bare 431 before the app can say what is wrong; with 64 KB the API
 * answers its own 400 naming the parameter.
 */
const MAX_HEADER_BYTES = 64 * 1024;

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
  const pages = createAnswerCache({
    ttlMs: env.SEARCH_CACHE_SECONDS * 1000,
    maxEntries: MAX_KEPT_PAGES,
    // Every server: a page kept before one fell silent would hide what is missing.
    isServing: () => isEveryEngineHealthy(hosts),
  });
  const serve = keepingPages(app.getRequestHandler(), pages);
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    serve(req, res).catch((error: unknown) => failed(res, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  return server;
}
