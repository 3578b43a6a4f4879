/**
 * The portal's Meilisearch connection, created once per server process from the environment:
 * MEILI_HOST (else the embedded engine on MEILI_PORT) and MEILI_SEARCH_KEY (else
 * MEILI_MASTER_KEY). Server-only: the key must never reach a browser bundle.
 */
import 'server-only';
import { readEnv } from '@/lib/config/env';
import { createSearchEngine, searchEngineOptions, type SearchEngine } from './query-engine';

let engine: SearchEngine | undefined;

export function searchEngine(): SearchEngine {
  engine ??= createSearchEngine(searchEngineOptions(readEnv()));
  return engine;
}
