/**
 * Search under load, five ways over one fixed query mix, interleaved in one run:
 * (a) the portal's JSON API, asked for fresh answers (`Cache-Control: no-cache`), so that
 * (a)/(c) is what the portal adds to each engine call; (b) the /search page as readers get it,
 * mostly a kept rendering (lib/server/page-cache.ts); (b′) the same page asked for fresh
 * answers, rendered every time; (c) the engine's own multi-search with the bodies the API sends;
 * (c′) the engine's own multi-searches with the bodies the page sends. The page lists results by
 * report, which asks the engine twice in turn (the page's reports, then their best passages), so
 * (b′)/(c′) is what the portal adds to the page's own searches.
 */
import { SEARCH_PAGE_OPTIONS, type SearchOptions } from '@/lib/search/query';
import type { SearchQuery } from '@/lib/search/query-schema';
import { captureEngineBodies, type EngineConnectionInfo } from './engine-bodies';
import { runInterleaved, type InterleavedResult, type LoadRequest, type LoadTarget } from './load';
import { sampleMemory } from './proc';
import { queryString } from './queries';

export interface SearchBenchOptions {
  engine: EngineConnectionInfo;
  portalUrl: string;
  portalPid: number;
  queries: readonly SearchQuery[];
  concurrencies: readonly number[];
  /** Measured time per target and concurrency. */
  durationMs: number;
}

export interface SearchRound {
  concurrency: number;
  api: InterleavedResult;
  page: InterleavedResult;
  pageFresh: InterleavedResult;
  /** (c), the API's searches. */
  engine: InterleavedResult;
  /** (c′), the page's searches. */
  enginePage: InterleavedResult;
  /** Resident memory of the portal's processes, sampled during the round. */
  portalRss: { maxBytes: number; lastBytes: number };
}

const SLICE_MS = 2_000;
const WARMUP_MS = 1_000;
/** A request budget per target, far above what the time allows: the loop stays bounded in count too. */
const MAX_REQUESTS = 500_000;

/** Asks the portal for an answer fresh from the engine, not one from its answer cache. */
const FRESH = { 'Cache-Control': 'no-cache' };
/** Pages are asked for as a browser asks: compressed. */
const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br' };

export function portalTargets(portalUrl: string, queries: readonly SearchQuery[]): { api: LoadTarget; page: LoadTarget; pageFresh: LoadTarget } {
  const calls = (path: string, headers?: Record<string, string>): LoadRequest[] =>
    queries.map((query) => {
      const params = queryString(query);
      return [{ method: 'GET', path: params ? `${path}?${params}` : path, ...(headers ? { headers } : {}) }];
    });
  return {
    api: { name: '(a) /api/search, fresh', origin: portalUrl, requests: calls('/api/search', FRESH) },
    page: { name: '(b) /search page', origin: portalUrl, requests: calls('/search', BROWSER) },
    pageFresh: { name: '(b′) /search page, fresh', origin: portalUrl, requests: calls('/search', { ...BROWSER, ...FRESH }) },
  };
}

async function engineTarget(name: string, engine: EngineConnectionInfo, queries: readonly SearchQuery[], options?: SearchOptions): Promise<LoadTarget> {
  const bodies = await captureEngineBodies(engine, queries, options);
  // As the portal asks (lib/search/engine-http.ts): uncompressed, on kept-alive connections.
  const headers = { Authorization: `Bearer ${engine.searchKey}`, 'Content-Type': 'application/json', 'Accept-Encoding': 'identity' };
  return {
    name,
    origin: engine.url,
    requests: bodies.map((sequence) => sequence.map((body) => ({ method: 'POST' as const, path: '/multi-search', body, headers }))),
  };
}

export async function benchSearch(options: SearchBenchOptions): Promise<SearchRound[]> {
  const { api, page, pageFresh } = portalTargets(options.portalUrl, options.queries);
  const engine = await engineTarget('(c) engine multi-search, API bodies', options.engine, options.queries);
  const enginePage = await engineTarget('(c′) engine multi-searches, page bodies', options.engine, options.queries, SEARCH_PAGE_OPTIONS);
  const rounds: SearchRound[] = [];
  for (const concurrency of options.concurrencies) {
    const memory = sampleMemory(options.portalPid, 250);
    const [apiResult, pageResult, pageFreshResult, engineResult, enginePageResult] = await runInterleaved([api, page, pageFresh, engine, enginePage], {
      concurrency,
      durationMs: options.durationMs,
      maxRequests: MAX_REQUESTS,
      sliceMs: SLICE_MS,
      warmupMs: WARMUP_MS,
    });
    const samples = await memory.stop();
    rounds.push({
      concurrency,
      api: apiResult!,
      page: pageResult!,
      pageFresh: pageFreshResult!,
      engine: engineResult!,
      enginePage: enginePageResult!,
      portalRss: { maxBytes: Math.max(...samples), lastBytes: samples.at(-1) ?? 0 },
    });
  }
  return rounds;
}
