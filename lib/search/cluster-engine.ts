/**
 * The portal's engine on a cluster: a search client per server and the route of federated
 * searches (lib/search/query-engine.ts runs them). The first server that answers coordinates.
 */
import type { Env } from '@/lib/config/env';
import { recentCheck } from './recent-check';
import { createSearchEngine, isEngineHealthy, searchEngineOptions, type SearchEngine } from './query-engine';
import { readClusterConfig, serverNames, type ClusterConfig } from '@/lib/cluster/config';
import { regionsOf } from '@/lib/cluster/shards';

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

/** The servers whose health the portal checks before a page: one answering server is enough to search. */
export function searchHosts(env: Env): string[] {
  if (!env.MEILI_CLUSTER) return [searchEngineOptions(env).host];
  return Object.values(readClusterConfig(env.MEILI_CLUSTER).servers).map((server) => server.url);
}

/** How long a health answer is trusted: an outage shows on pages within this time. */
export const HEALTH_TTL_MS = 1_000;

const healthOf = new Map<string, () => Promise<boolean>>();

/** The host's health, asked at most once per HEALTH_TTL_MS (before every page: lib/search/recent-check.ts). */
function recentHealth(host: string): Promise<boolean> {
  let check = healthOf.get(host);
  if (!check) healthOf.set(host, (check = recentCheck(() => isEngineHealthy(host), HEALTH_TTL_MS)));
  return check();
}

export async function isAnyEngineHealthy(hosts: readonly string[]): Promise<boolean> {
  const health = await Promise.all(hosts.map(recentHealth));
  return health.includes(true);
}

export async function isEveryEngineHealthy(hosts: readonly string[]): Promise<boolean> {
  const health = await Promise.all(hosts.map(recentHealth));
  return !health.includes(false);
}
