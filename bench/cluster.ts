/**
 * The search mix against several Meilisearch servers (lib/cluster) side by side with one: the
 * largest corpus indexed again into `servers` local servers split by province (the most
 * frequent provinces get a server each, the last holds the rest), a second portal searching
 * them by the engine's federated search, and both portals' /api/search asked the same queries,
 * interleaved in one run. Every server shares this machine's cores: a pessimistic figure for
 * servers on machines of their own.
 */
import { startLocalCluster } from '@/test/support/local-cluster';
import { searchIndex, type SearchEngine } from '@/lib/search/query-engine';
import type { SearchQuery } from '@/lib/search/query-schema';
import { runInterleaved, type InterleavedResult } from './load';
import { startPortal } from '@/test/support/portal';
import { portalTargets } from './search';

export interface ClusterRound {
  concurrency: number;
  oneServer: InterleavedResult;
  cluster: InterleavedResult;
}

export interface ClusterFigures {
  servers: number;
  /** Provinces with a server of their own (the last server holds the others). */
  provinces: string[];
  indexMs: number;
  rounds: ClusterRound[];
}

export interface ClusterBenchOptions {
  servers: number;
  folder: string;
  prefix: string;
  /** The one-server index of the same corpus, and the portal searching it. */
  oneServer: SearchEngine;
  oneServerPortalUrl: string;
  queries: readonly SearchQuery[];
  concurrencies: readonly number[];
  durationMs: number;
  log: (line: string) => void;
}

async function largestProvinces(engine: SearchEngine, count: number): Promise<string[]> {
  const { facetDistribution } = await searchIndex(engine, { indexUid: engine.indexes.reports, q: '', facets: ['province'], limit: 0 });
  return Object.entries(facetDistribution?.province ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([province]) => province);
}

export async function benchCluster(options: ClusterBenchOptions): Promise<ClusterFigures> {
  const provinces = await largestProvinces(options.oneServer, options.servers - 1);
  options.log(`cluster: indexing ${options.folder} into ${options.servers} servers (${provinces.join('、')}, the rest) …`);
  const started = Date.now();
  const cluster = await startLocalCluster({ prefix: options.prefix, dataDir: options.folder, provinces });
  const indexMs = Date.now() - started;
  try {
    const ms0 = cluster.config.servers.ms0!;
    // MEILI_HOST empty: the cluster file alone says where the servers are.
    const portal = await startPortal({
      engineUrl: ms0.url,
      searchKey: ms0.searchKey,
      prefix: options.prefix,
      env: { MEILI_HOST: '', MEILI_CLUSTER: cluster.configFile },
    });
    try {
      const one = { ...portalTargets(options.oneServerPortalUrl, options.queries).api, name: `/api/search, fresh, 1 server` };
      const many = { ...portalTargets(portal.url, options.queries).api, name: `/api/search, fresh, ${options.servers} servers` };
      const rounds: ClusterRound[] = [];
      for (const concurrency of options.concurrencies) {
        options.log(`cluster: concurrency ${concurrency} …`);
        const [oneServer, clustered] = await runInterleaved([one, many], {
          concurrency,
          durationMs: options.durationMs,
          maxRequests: 500_000,
          sliceMs: 2_000,
          warmupMs: 1_000,
        });
        rounds.push({ concurrency, oneServer: oneServer!, cluster: clustered! });
      }
      return { servers: options.servers, provinces, indexMs, rounds };
    } finally {
      await portal.stop();
    }
  } finally {
    await cluster.stop();
  }
}
