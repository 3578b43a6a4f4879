/**
 * The exact multi-search bodies the portal sends the engine for a query: `searchDocuments`
 * (lib/search/query.ts) is run against the real engine through a client that records every
 * multiSearch call. A query that finds nothing costs the portal a second call (the "no
 * results" help); both are recorded, so the engine-alone figure pays for what the portal pays.
 */
import { Meilisearch } from 'meilisearch';
import { liveIndexNames } from '@/lib/index/index-names';
import { searchDocuments, type SearchOptions } from '@/lib/search/query';
import type { SearchEngine } from '@/lib/search/query-engine';
import type { SearchQuery } from '@/lib/search/query-schema';

export interface EngineConnectionInfo {
  url: string;
  searchKey: string;
  prefix: string;
}

function recordingEngine(connection: EngineConnectionInfo, bodies: string[]): SearchEngine {
  const client = new Meilisearch({ host: connection.url, apiKey: connection.searchKey });
  const recording = new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === 'multiSearch' && typeof value === 'function') {
        return (body: unknown, ...rest: unknown[]) => {
          bodies.push(JSON.stringify(body));
          const answer: unknown = value.call(target, body, ...rest);
          return answer;
        };
      }
      if (typeof value !== 'function') return value;
      const bound: unknown = value.bind(target);
      return bound;
    },
  });
  const { documents, reports } = liveIndexNames(connection.prefix);
  return { client: recording, indexes: { documents, reports } };
}

/**
 * For each query, the JSON bodies of the multi-searches the portal makes, in order: for the API
 * (flat, the default) or, with SEARCH_PAGE_OPTIONS, for the search page, whose grouping asks
 * twice (the page's reports, then their best passages).
 */
export async function captureEngineBodies(connection: EngineConnectionInfo, queries: readonly SearchQuery[], options?: SearchOptions): Promise<string[][]> {
  const captured: string[][] = [];
  for (const query of queries) {
    const bodies: string[] = [];
    await searchDocuments(recordingEngine(connection, bodies), query, options);
    captured.push(bodies);
  }
  return captured;
}
