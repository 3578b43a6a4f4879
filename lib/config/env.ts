/**
 * Every environment variable the project reads, in one place (the README lists the same).
 * Parsed with zod so that a wrong value is an error naming the variable, not a surprise later.
 */
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const EnvSchema = z
  .object({
    /** A Meilisearch to use instead of the embedded one (e.g. http://127.0.0.1:7700). */
    MEILI_HOST: optionalString.pipe(z.url().optional()),
    MEILI_MASTER_KEY: optionalString,
    /** Key the indexer writes with (falls back to the master key). */
    MEILI_ADMIN_KEY: optionalString,
    /** Key the portal searches with (falls back to the master key); never sent to the browser. */
    MEILI_SEARCH_KEY: optionalString,
    /** Port of the embedded Meilisearch. */
    MEILI_PORT: port(7700),
    /** Prefix of the index names, so several data sets can share one engine. */
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('gov_reports'),
    /** `--max-indexing-memory` of the embedded engine. */
    MEILI_MAX_INDEXING_MEMORY: z.string().default('512MiB'),
    /**
     * The log of the engine at MEILI_HOST, when it runs on this machine: the indexer reads the
     * engine's reason there when a task stops progressing (set by `npm start` for its indexer).
     */
    MEILI_ENGINE_LOG: optionalString,
    /** Port of the portal. */
    PORT: port(3000),
    /** Folder of report files and manifest.json. */
    DATA_DIR: z.string().default('data'),
    /** Folder of the embedded engine's binary, database, master key and logs. */
    MEILI_STATE_DIR: z.string().default('.meili'),
    /**
     * A JSON file naming several Meilisearch servers and which one holds each province
     * (lib/cluster/config.ts). Unset: one server (MEILI_HOST or the embedded engine).
     */
    MEILI_CLUSTER: optionalString,
    /**
     * The portal's address as readers reach it (https://reports.example.org), for the absolute
     * links of exports; unset: the request's (forwarded) Host, when valid.
     */
    PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()).transform((url, context) => {
      if (url === undefined) return undefined;
      const parsed = new URL(url);
      if (parsed.pathname === '/' && !parsed.search && !parsed.hash) return parsed.origin;
      context.addIssue({ code: 'custom', message: 'must be an origin (https://host[:port]), without a path' });
      return z.NEVER;
    }),
    /** How long the portal serves a search answer from memory (lib/search/answer-cache.ts); 0: never. */
    SEARCH_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /** How many answers the portal keeps in memory at most. */
    SEARCH_CACHE_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(1000),
  })
  .refine((env) => !(env.MEILI_CLUSTER && env.MEILI_HOST), {
    path: ['MEILI_CLUSTER'],
    message: 'set MEILI_HOST (one server) or MEILI_CLUSTER (several), not both',
  });

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return parsed.data;
}
