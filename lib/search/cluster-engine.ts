/**
 * The portal's engine on a cluster: a search client per server and the route of federated
 * searches (lib/search/query-engine.ts runs them). The first server that answers coordinates.
 */
import { serverNames, type ClusterConfig } from '@/lib/cluster/config';
import { regionsOf } from '@/lib/cluster/shards';
import { createSearchEngine, type SearchEngine } from './query-engine';

/**
 * A server that hangs is given up by its peers after about 5 s (Meilisearch's remote-search
 * deadline), and the answer then lists it as missing: the portal waits longer than that, so a
 * hung server costs a partial answer, not an outage page.
 */
const CLUSTER_TIMEOUT_MS = 10_000;

export function clusterSearchEngine(config: ClusterConfig, prefix: string): SearchEngine {
  const engines = Object.values(config.servers).map((server) =>
    createSearchEngine({ host: server.url, apiKey: server.searchKey, prefix, timeoutMs: CLUSTER_TIMEOUT_MS }),
  );
  return {
    ...engines[0]!,
    cluster: {
      coordinators: engines.map((engine) => engine.client),
      remotes: serverNames(config),
      regionsOf: (servers) => regionsOf(config, servers),
    },
  };
}
