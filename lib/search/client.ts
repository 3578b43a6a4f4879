/**
 * The portal's Meilisearch connection, created once per server process from the environment:
 * MEILI_HOST (else the embedded engine on MEILI_PORT) and MEILI_SEARCH_KEY (else
 * MEILI_MASTER_KEY); or, with MEILI_CLUSTER, the servers of that file searched as one.
 * Server code only: the keys must never reach a browser bundle. Imported by route handlers,
 * server components and the search page's getServerSideProps, which Next.js leaves out of the
 * browser's bundle (`server-only` cannot guard it: the Pages Router rejects that import);
 * test/hardening/security.int.test.ts checks every page and script the browser loads for keys.
 */
import { readEnv } from '@/lib/config/env';
import { readClusterConfig } from '@/lib/cluster/config';
import { clusterSearchEngine } from './cluster-engine';
import { isEveryEngineHealthy, searchHosts } from './health';
import { asksForFreshAnswer, createAnswerCache } from './answer-cache';
import { createSearchEngine, searchEngineOptions, type SearchEngine } from './query-engine';

let engine: SearchEngine | undefined;
let cached: SearchEngine | undefined;

/** Remembered answers, for SEARCH_CACHE_SECONDS, while every engine server answers its health check. */
function answerCache(maxEntries: number) {
  const env = readEnv();
  const hosts = searchHosts(env);
  return createAnswerCache({
    ttlMs: env.SEARCH_CACHE_SECONDS * 1000,
    maxEntries,
    // Every server: an answer remembered before one fell silent would hide what is missing.
    isServing: () => isEveryEngineHealthy(hosts),
  });
}

export function searchEngine(): SearchEngine {
  if (!engine) {
    const env = readEnv();
    const connection = env.MEILI_CLUSTER
      ? clusterSearchEngine(readClusterConfig(env.MEILI_CLUSTER), env.MEILI_INDEX_PREFIX)
      : createSearchEngine(searchEngineOptions(env));
    engine = { ...connection, known: answerCache(1) };
  }
  return engine;
}

/**
 * The engine with the answer cache, for the searches readers repeat (the search page and API,
 * the home page). Not for reports, exports and scans: large answers asked once. A request whose
 * `Cache-Control` header (`cacheControl`) says `no-cache` gets an answer fresh from the engine.
 */
export function cachedSearchEngine(cacheControl: string | null | undefined): SearchEngine {
  if (asksForFreshAnswer(cacheControl)) return searchEngine();
  cached ??= { ...searchEngine(), answers: answerCache(readEnv().SEARCH_CACHE_ENTRIES) };
  return cached;
}
