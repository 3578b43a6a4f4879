/**
 * Every server of a cluster must rank, filter and fold duplicates the same way, or a federated
 * search would merge answers that do not compare. The indexer writes the settings of
 * lib/index/settings.ts to each server it rebuilds; before it touches any, it checks that the
 * servers it leaves alone already have them, and stops with the server and setting that differ.
 */
import { adminClient } from './engine';
import { indexDifferences } from './settings-diff';
import { liveIndexNames } from './index-names';
import { indexerConfigurationHash, readIndexState } from './state';
import { DOCUMENT_SETTINGS, REPORT_SETTINGS } from './settings';
import type { AdminClusterConfig } from '@/lib/cluster/config';

/**
 * Throws, naming each server and setting, when one of `servers` has live indexes whose
 * settings or indexer configuration differ from what this indexer writes. A server without
 * indexes yet has nothing to differ.
 */
export async function assertSameSettings(config: AdminClusterConfig, servers: readonly string[], prefix: string): Promise<void> {
  const live = liveIndexNames(prefix);
  const configuration = await indexerConfigurationHash();
  const problems: string[] = [];
  for (const name of servers) {
    const server = config.servers[name]!;
    const client = adminClient({ url: server.url, apiKey: server.adminKey });
    const differences = [
      ...(await indexDifferences(client, live.documents, DOCUMENT_SETTINGS)),
      ...(await indexDifferences(client, live.reports, REPORT_SETTINGS)),
    ];
    for (const difference of differences) problems.push(`server ${name}: setting ${difference} differs from this indexer's`);
    const state = await readIndexState(client, prefix);
    if (differences.length === 0 && state && state.configuration !== configuration) {
      problems.push(`server ${name}: indexed by another indexer version or user dictionary`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`${problems.join('; ')}. Reindex those servers too (npm run index -- --server NAME), or all of them (npm run index)`);
  }
}
