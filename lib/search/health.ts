/**
 * Whether the portal's engine answers, as the pages and the caches ask it: before every page
 * (proxy.ts) and before every remembered answer or page. On a cluster, each of its servers.
 */
import type { Env } from '@/lib/config/env';
import { readClusterConfig } from '@/lib/cluster/config';
import { isEngineHealthy, searchEngineOptions } from './query-engine';
import { recentCheck } from './recent-check';

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
