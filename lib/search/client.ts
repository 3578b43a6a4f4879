/**
 * The portal's Meilisearch connection, created once per server process from the environment:
 * MEILI_HOST (else the embedded engine on MEILI_PORT) and MEILI_SEARCH_KEY (else
 * MEILI_MASTER_KEY); or, with MEILI_CLUSTER, the servers of that file searched as one.
 * Server-only: the keys must never reach a browser bundle.
 */
import 'server-only';
import { readEnv } from '@/lib/config/env';
import { readClusterConfig } from '@/lib/cluster/config';
import { clusterSearchEngine } from '@/lib/cluster/search-engine';
import { createSearchEngine, searchEngineOptions, type SearchEngine } from './query-engine';

let engine: SearchEngine | undefined;

export function searchEngine(): SearchEngine {
  if (!engine) {
    const env = readEnv();
    engine = env.MEILI_CLUSTER
      ? clusterSearchEngine(readClusterConfig(env.MEILI_CLUSTER), env.MEILI_INDEX_PREFIX)
      : createSearchEngine(searchEngineOptions(env));
  }
  return engine;
}
