/**
 * `npm run index` on a cluster: every report goes to the server the shard table names for its
 * province, each server gets the same settings, and the engine's network settings are applied
 * so any server can answer a federated search. `server` rebuilds or updates one server and
 * leaves the others untouched (after checking that their settings are this indexer's).
 *
 * Each server is indexed by the one-server pipeline (index-reports.ts) told which reports
 * are its share; every file is read once, whatever the number of servers.
 */
import type { ParsedReport } from '@/lib/report/schema';
import { adminClient } from './engine';
import { indexReports, type IndexReportsOptions, type IndexSummary } from './index-reports';
import { reportParser, type ReportParser } from './parser';
import { serverNames, withAdminKeys, type ClusterConfig } from '@/lib/cluster/config';
import { configureNetwork } from './cluster-network';
import { assertSameSettings } from './cluster-settings';
import { serverOf } from '@/lib/cluster/shards';
import { acquireIndexLock, type IndexLock } from './lock';
import { present } from '@/lib/errors';

export interface IndexClusterOptions extends Omit<IndexReportsOptions, 'client' | 'select'> {
  config: ClusterConfig;
  /** Only this server; all of them by default. */
  server?: string;
  /** Before each server's run (the progress lines that follow are that server's). */
  onServer?: (name: string) => void;
}

export interface ServerSummary {
  server: string;
  summary: IndexSummary;
}

/** Parses each file once, for as many servers as read it (parsed reports are kept in memory either way). */
export function parseOnce(parser: ReportParser): ReportParser {
  const parsed = new Map<string, Promise<ParsedReport>>();
  return {
    parseFile: (file) => {
      if (!parsed.has(file)) parsed.set(file, parser.parseFile(file));
      return present(parsed.get(file), `the parsed report of ${file}`);
    },
    markDuplicates: (reports) => parser.markDuplicates(reports),
  };
}

/** The servers a run writes to: `server` alone, or all. */
export function targetServers(config: ClusterConfig, server: string | undefined): string[] {
  const names = serverNames(config);
  if (server === undefined) return names;
  if (!names.includes(server)) throw new Error(`no server "${server}" in MEILI_CLUSTER (it has ${names.join(', ')})`);
  return [server];
}

export async function indexCluster(options: IndexClusterOptions): Promise<ServerSummary[]> {
  const { server, parser, onServer, ...pipeline } = options;
  const config = withAdminKeys(options.config);
  const targets = targetServers(config, server);
  const clientOf = (name: string) => adminClient({ url: config.servers[name]!.url, apiKey: config.servers[name]!.adminKey });
  // Every server this run writes is locked before any is touched: two cluster runs never interleave.
  const locks = new Map<string, IndexLock>();
  try {
    for (const name of targets) {
      const onNotice = (message: string) => options.onProgress?.({ kind: 'notice', message: `server ${name}: ${message}` });
      locks.set(name, await acquireIndexLock(clientOf(name), options.prefix, { command: options.command ?? 'indexCluster', onNotice }));
    }
    await assertSameSettings(
      config,
      serverNames(config).filter((name) => !targets.includes(name)),
      options.prefix,
    );
    await configureNetwork(config);
    const sharedParser = parseOnce(parser ?? (await reportParser(options.dataDir)));
    const summaries: ServerSummary[] = [];
    for (const name of targets) {
      onServer?.(name);
      const summary = await indexReports({
        ...pipeline,
        parser: sharedParser,
        client: clientOf(name),
        lock: locks.get(name),
        select: (report) => serverOf(config, report.report.province ?? '') === name,
      });
      summaries.push({ server: name, summary });
    }
    return summaries;
  } finally {
    await Promise.all([...locks.values()].map((lock) => lock.release()));
  }
}
