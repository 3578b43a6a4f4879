/**
 * Several Meilisearch servers searched as one: the servers (URL and keys) and the shard table
 * that says which server holds each province's reports. Read from the JSON file that
 * MEILI_CLUSTER names; without it the project uses one server and none of this applies.
 *
 *   { "servers": { "ms0": { "url": "http://10.0.0.1:7700", "searchKey": "…", "adminKey": "…" }, … },
 *     "shards": { "福建省": "ms0", "江苏省": "ms1", "*": "ms2" } }
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { messageOf } from '@/lib/errors';

/** The shard table's entry for every province it does not name. */
export const OTHER_PROVINCES = '*';

/** Names travel in the engine's network settings and in `--server`: keep them plain. */
const ServerName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a server name is 1–64 letters, digits, "_" or "-"');

const Server = z
  .object({
    url: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
    /** Search-only: the portal searches with it, and the servers search each other with it. */
    searchKey: z.string().min(1),
    /** Writes and settings: used by the indexer only (the portal's copy of the file may leave it out). */
    adminKey: z.string().min(1).optional(),
  })
  .strict();

const ClusterSchema = z
  .object({
    servers: z.record(ServerName, Server).refine((servers) => Object.keys(servers).length > 0, 'name at least one server'),
    shards: z
      .record(z.string().trim().min(1), ServerName)
      .refine((shards) => OTHER_PROVINCES in shards, `needs a "${OTHER_PROVINCES}" entry: the server of every province not named`),
  })
  .strict()
  .superRefine((config, context) => {
    for (const [province, server] of Object.entries(config.shards)) {
      if (!(server in config.servers)) {
        context.addIssue({ code: 'custom', path: ['shards', province], message: `names server "${server}", which is not in "servers"` });
      }
    }
  });

export type ClusterConfig = z.infer<typeof ClusterSchema>;
export type ClusterServer = ClusterConfig['servers'][string];

/** The configuration in `json`; `source` names it in errors (the file, usually). */
export function parseClusterConfig(json: unknown, source: string): ClusterConfig {
  const parsed = ClusterSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Read once per process (the portal's engine and the indexer each read it at start). */
export function readClusterConfig(file: string): ClusterConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`MEILI_CLUSTER names ${file}, which cannot be read: ${messageOf(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON: ${messageOf(error)}`);
  }
  return parseClusterConfig(json, file);
}

/** The configuration as the indexer needs it: every server with its admin key. */
export type AdminClusterConfig = ClusterConfig & { servers: Record<string, ClusterServer & { adminKey: string }> };

export function withAdminKeys(config: ClusterConfig): AdminClusterConfig {
  const missing = Object.entries(config.servers)
    .filter(([, server]) => server.adminKey === undefined)
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(
      `MEILI_CLUSTER: servers ${missing.join(', ')} have no adminKey: the indexer writes with it (only the portal's copy of the file may leave it out)`,
    );
  }
  return config as AdminClusterConfig;
}

export function serverNames(config: ClusterConfig): string[] {
  return Object.keys(config.servers);
}
