/**
 * Whether an index has the settings this indexer writes (lib/index/settings.ts): compared on
 * a cluster's servers before a run (cluster-settings.ts) and on every build index before it is
 * swapped in (reindex.ts), where an index recreated without them would have gone live with no
 * filterable attributes.
 */
import type { Meilisearch, Settings } from 'meilisearch';
import { indexExists } from './engine';

/** Lists the engine returns in an order of its own: compared as sets. */
const UNORDERED = new Set(['filterableAttributes', 'sortableAttributes']);

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
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
    const sorted = (value: unknown) => (UNORDERED.has(key) && Array.isArray(value) ? value.map(String).sort() : value);
    return canonical(sorted(want)) === canonical(sorted(have)) ? [] : [name];
  });
}

/** The differing settings of index `uid`, each as `uid: setting`; none when it does not exist. */
export async function indexDifferences(client: Meilisearch, uid: string, intended: Settings): Promise<string[]> {
  if (!(await indexExists(client, uid))) return [];
  const live = await client.index(uid).getSettings();
  return differingSettings(intended as Record<string, unknown>, live as Record<string, unknown>).map((setting) => `${uid}: ${setting}`);
}
