/**
 * Every server of a cluster must rank, filter and fold duplicates the same way, or a federated
 * search would merge answers that do not compare. The indexer writes the settings of
 * lib/index/settings.ts to each server it rebuilds; before it touches any, it checks that the
 * servers it leaves alone already have them, and stops with the server and setting that differ.
 */
import type { Meilisearch, Settings } from 'meilisearch';
import { adminClient, indexExists } from './engine';
import { liveIndexNames } from './index-names';
import { indexerConfigurationHash, readIndexState } from './state';
import { DOCUMENT_SETTINGS, REPORT_SETTINGS } from './settings';
import type { AdminClusterConfig } from '@/lib/cluster/config';

/** Lists the engine returns in an order of its own: compared as sets. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes']);

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * The settings (dotted paths) whose live value is not the intended one. Only what `intended`
 * sets is compared: the engine fills in defaults for the rest.
 */
export function differingSettings(intended: Record<string, unknown>, live: Record<string, unknown>, path = ''): string[] {
  return Object.entries(intended).flatMap(([key, want]) => {
    const name = `${path}${key}`;
    const have = live[key];
    if (want && typeof want === 'object' && !Array.isArray(want) && have && typeof have === 'object' && !Array.isArray(have)) {
      // Synonyms are a whole table: a synonym added on one server only is a difference too.
      if (key !== 'synonyms') return differingSettings(want as Record<string, unknown>, have as Record<string, unknown>, `${name}.`);
    }
    const sorted = (value: unknown) => (UNORDERED.has(key) && Array.isArray(value) ? [...value].map(String).sort() : value);
    return canonical(sorted(want)) === canonical(sorted(have)) ? [] : [name];
  });
}

async function indexDifferences(client: Meilisearch, uid: string, intended: Settings): Promise<string[]> {
  if (!(await indexExists(client, uid))) return [];
  const live = await client.index(uid).getSettings();
  return differingSettings(intended as Record<string, unknown>, live as Record<string, unknown>).map((setting) => `${uid}: ${setting}`);
}

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
