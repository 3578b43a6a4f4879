/**
 * The engine's own network settings, which let any server of a cluster run a federated search
 * over all of them: the `network` experimental feature, and on each server its own name
 * (`self`) and every server as a remote with the key to search it. Applied by the indexer at
 * every start (it is idempotent), so an edited configuration file reaches every server; a
 * remote the file no longer names is removed.
 */
import type { Remote } from 'meilisearch';
import { adminClient } from './engine';
import type { AdminClusterConfig, ClusterConfig } from '@/lib/cluster/config';
import { messageOf } from '@/lib/errors';

function remotesOf(config: ClusterConfig): Record<string, Remote> {
  return Object.fromEntries(Object.entries(config.servers).map(([name, server]) => [name, { url: server.url, searchApiKey: server.searchKey }]));
}

export async function configureNetwork(config: AdminClusterConfig): Promise<void> {
  const remotes = remotesOf(config);
  await Promise.all(
    Object.entries(config.servers).map(async ([self, server]) => {
      const client = adminClient({ url: server.url, apiKey: server.adminKey });
      try {
        await client.updateExperimentalFeatures({ network: true });
        const current = await client.getNetwork();
        const gone = Object.keys(current.remotes ?? {}).filter((name) => !(name in remotes));
        await client.updateNetwork({ self, remotes: { ...remotes, ...Object.fromEntries(gone.map((name) => [name, null])) } });
      } catch (error) {
        throw new Error(`server ${self} (${server.url}): cannot set its network settings: ${messageOf(error)}`, { cause: error });
      }
    }),
  );
}
