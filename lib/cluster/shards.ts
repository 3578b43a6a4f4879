/**
 * The sharding rule: each province's reports live on exactly one server, the one the shard
 * table names for it (or its "*" entry). Read the other way, it says which part of the corpus
 * a server that did not answer has taken out of the results.
 */
import { OTHER_PROVINCES, type ClusterConfig } from './config';

/** The server that holds the reports of `province` (a report that states none: the "*" server). */
export function serverOf(config: ClusterConfig, province: string): string {
  return config.shards[province] ?? config.shards[OTHER_PROVINCES]!;
}

/**
 * Readers' names for the places whose reports are on `servers`, in shard-table order: the
 * provinces named for them, and for the "*" server the provinces the table does not name.
 */
export function regionsOf(config: ClusterConfig, servers: readonly string[]): string[] {
  const named = Object.keys(config.shards).filter((province) => province !== OTHER_PROVINCES);
  const regions = named.filter((province) => servers.includes(config.shards[province]!));
  if (servers.includes(config.shards[OTHER_PROVINCES]!)) {
    regions.push(named.length > 0 ? `${named.join('、')}以外的地区` : '全部地区');
  }
  return regions;
}
