/**
 * The portal's handle on Meilisearch: a search client and the live index names. Created by
 * `client.ts` once per server process (and by tests against a throwaway engine); every query
 * function takes it as its first argument, so nothing else reads the environment.
 *
 * Searches go through `searchIndex`/`searchMany`: on one server they are the engine's plain
 * search and multi-search; on a cluster (lib/cluster) each becomes a federated search over
 * every server, answered in the same shape.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type FederatedMultiSearchParams,
  type MultiSearchQuery,
  type RecordAny,
  type SearchResponse,
} from 'meilisearch';
import type { Env } from '@/lib/config/env';
import { answerOf, federatedRequest, type FederatedResponse } from '@/lib/cluster/federated';
import { liveIndexNames, type IndexNames } from '@/lib/index/index-names';
import type { AnswerCache } from './answer-cache';
import { SearchUnavailableError } from './errors';
import { DOCUMENT_SETTINGS } from '@/lib/index/settings';
import { engineHttpClient } from './engine-http';

export interface SearchEngine {
  /** One server's client. On a cluster it searches that server alone: search through `searchIndex`. */
  client: Meilisearch;
  indexes: Pick<IndexNames, 'documents' | 'reports'>;
  /** Set when the corpus is spread over several servers. */
  cluster?: ClusterRoute;
  /** Recent answers (lib/search/answer-cache.ts): only the portal's engine for repeated searches. */
  answers?: AnswerCache;
  /**
   * The index's facet values queries are read with (known-values.ts), remembered even for a
   * search asked fresh: one answer for every search, where the searches themselves differ.
   */
  known?: AnswerCache;
}

/** How a federated search reaches every server of a cluster (built by lib/search/cluster-engine.ts). */
export interface ClusterRoute {
  /** A client per server, in the order they are asked to run a federated search (any of them can). */
  coordinators: Meilisearch[];
  /** The servers' names in the engine's network settings: the query runs once on each. */
  remotes: string[];
  /** Readers' names of the regions whose reports are on `servers` (the shard table read backwards). */
  regionsOf(servers: readonly string[]): string[];
}

/** An answer; `missing` names the regions whose server did not answer (always empty on one server). */
export type EngineAnswer<T> = SearchResponse<T> & { missing: string[] };

export interface AnswerOptions {
  /** Accept an answer without some servers' part: the caller shows `missing`. Otherwise that is an outage. */
  partial?: boolean;
}

export interface SearchEngineOptions {
  host: string;
  apiKey: string | undefined;
  prefix: string;
  /** Per request; a hung engine becomes an outage page after this, not a hung page. */
  timeoutMs?: number;
}

/** MEILI_HOST, else the embedded engine; MEILI_SEARCH_KEY, else the master key. */
export function searchEngineOptions(env: Env): SearchEngineOptions {
  return {
    host: env.MEILI_HOST ?? `http://127.0.0.1:${env.MEILI_PORT}`,
    apiKey: env.MEILI_SEARCH_KEY ?? env.MEILI_MASTER_KEY,
    prefix: env.MEILI_INDEX_PREFIX,
  };
}

/** How long the engine gets to answer a request (a search, or its health check) before it counts as down. */
export const ENGINE_TIMEOUT_MS = 5_000;

export function createSearchEngine({ host, apiKey, prefix, timeoutMs = ENGINE_TIMEOUT_MS }: SearchEngineOptions): SearchEngine {
  const client = new Meilisearch({
    host,
    apiKey,
    timeout: timeoutMs,
    // node:http on kept-alive connections (engine-http.ts), uncompressed: compressing costs the
    // engine CPU that searches need, and a compressed answer arrives in chunks, ~40 ms late on a
    // kept-alive connection (delayed ACK). node:http asks for no compression.
    httpClient: engineHttpClient,
  });
  const { documents, reports } = liveIndexNames(prefix);
  return { client, indexes: { documents, reports } };
}

/** Through the engine's answer cache when it has one; answers missing a region are not kept. */
function remembered<T extends { missing: string[] } | Array<{ missing: string[] }>>(engine: SearchEngine, key: unknown, compute: () => Promise<T>): Promise<T> {
  if (!engine.answers) return compute();
  const complete = (answer: T) => [answer].flat().every((part) => part.missing.length === 0);
  return engine.answers.answer(JSON.stringify(key), compute, complete);
}

/** One search: the engine's search on one server, a federated search over a cluster. */
export async function searchIndex<T extends RecordAny = RecordAny>(
  engine: SearchEngine,
  query: MultiSearchQuery,
  options: AnswerOptions = {},
): Promise<EngineAnswer<T>> {
  return remembered(engine, ['one', query, options], async () => {
    if (engine.cluster) return federatedSearch<T>(engine.cluster, query, options);
    const { indexUid, q, ...params } = query;
    const answer = await askEngine(() => engine.client.index<T>(indexUid).search(q, params));
    return { ...answer, missing: [] };
  });
}

/** Several searches: one multi-search on one server; on a cluster, a federated search each (it merges its queries). */
export async function searchMany<T extends RecordAny = RecordAny>(
  engine: SearchEngine,
  queries: MultiSearchQuery[],
  options: AnswerOptions = {},
): Promise<Array<EngineAnswer<T>>> {
  return remembered(engine, ['many', queries, options], async () => {
    const { cluster } = engine;
    if (cluster) return Promise.all(queries.map((query) => federatedSearch<T>(cluster, query, options)));
    const { results } = await askEngine(() => engine.client.multiSearch<{ queries: MultiSearchQuery[] }, T>({ queries }));
    return results.map((result) => ({ ...result, missing: [] }));
  });
}

/** At least the index setting, so that merging the servers' counts never drops a value. */
const MAX_VALUES_PER_FACET = DOCUMENT_SETTINGS.faceting.maxValuesPerFacet;

async function federatedSearch<T extends RecordAny>(cluster: ClusterRoute, query: MultiSearchQuery, options: AnswerOptions): Promise<EngineAnswer<T>> {
  const request = federatedRequest(query, cluster.remotes, MAX_VALUES_PER_FACET);
  const response = await firstCoordinator(cluster, (client) => client.multiSearch<FederatedMultiSearchParams, T>(request));
  const answer = answerOf(query, response as FederatedResponse<T>);
  const regions = cluster.regionsOf(answer.missing);
  if (answer.missing.length === cluster.remotes.length || (regions.length > 0 && !options.partial)) {
    throw new SearchUnavailableError(`no answer from ${answer.missing.join(', ')} (${regions.join('、')})`);
  }
  return { ...answer, missing: regions };
}

/**
 * Any server can run the federated search: the first that answers does. One that cannot is
 * left for the next, whose answer then lists it among the remotes that did not answer.
 */
async function firstCoordinator<T>(cluster: ClusterRoute, call: (client: Meilisearch) => Promise<T>): Promise<T> {
  let unavailable: SearchUnavailableError | undefined;
  for (const client of cluster.coordinators) {
    try {
      return await call(client);
    } catch (error) {
      const down = toUnavailable(error);
      if (!down) throw error;
      unavailable = down;
    }
  }
  throw unavailable ?? new SearchUnavailableError('the cluster has no server');
}

/** Engine answers that mean "cannot search now", as opposed to a bug in the request. */
const UNAVAILABLE_CODES = new Set(['index_not_found', 'invalid_api_key', 'missing_authorization_header']);

/**
 * Runs an engine call and turns every way the engine can be unavailable into a
 * SearchUnavailableError; other errors (a malformed request is our bug) pass through.
 */
export async function askEngine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toUnavailable(error) ?? error;
  }
}

function toUnavailable(error: unknown): SearchUnavailableError | null {
  // The client wraps what its httpClient throws (engine-http.ts): the engine's own answer is the cause.
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return toUnavailable(error.cause);
  if (error instanceof MeilisearchRequestTimeOutError) return new SearchUnavailableError('request timed out', { cause: error });
  if (error instanceof MeilisearchRequestError) return new SearchUnavailableError(`request failed: ${describeCause(error)}`, { cause: error });
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    const code = error.cause?.code;
    if (status >= 500 || (code !== undefined && UNAVAILABLE_CODES.has(code))) {
      return new SearchUnavailableError(`HTTP ${status} ${code ?? ''}: ${error.message}`, { cause: error });
    }
  }
  return null;
}

function describeCause(error: Error): string {
  const cause = error.cause as { cause?: { code?: string }; message?: string } | undefined;
  return cause?.cause?.code ?? cause?.message ?? error.message;
}

/**
 * Whether the engine answers its health check within `timeoutMs` (no key needed). As long as a
 * search gets: with 1 s, a freshly started portal on a busy machine called a healthy engine down
 * (its first page's modules loading held the answer past the timer) and sent a reader a 503. An
 * engine that is not running refuses the connection at once, whatever the timeout.
 */
export async function isEngineHealthy(host: string, timeoutMs = ENGINE_TIMEOUT_MS): Promise<boolean> {
  try {
    const response = await fetch(`${host.replace(/\/+$/, '')}/health`, {
      headers: { Connection: 'close' },
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    return response.ok;
  } catch {
    return false;
  }
}
