/**
 * A cluster on this machine, for benchmarks and integration tests: N throwaway Meilisearch
 * servers on loopback ports, the data folder indexed into them split by province, the engine's
 * network settings applied. The first servers each hold one of `provinces`; the last holds
 * every other province (the shard table's "*"). A portal started with MEILI_CLUSTER set to
 * `configFile` searches it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fetchDefaultKeys } from '@/lib/engine/keys';
import type { RunningEngine } from '@/lib/engine/meilisearch-process';
import { startTestEngine } from './test-engine';
import type { ReportParser } from '@/lib/index/parser';
import { OTHER_PROVINCES, parseClusterConfig, type ClusterConfig } from '@/lib/cluster/config';
import { indexCluster, type ServerSummary } from '@/lib/index/index-cluster';

export interface LocalClusterOptions {
  /** Index prefix, as MEILI_INDEX_PREFIX. */
  prefix: string;
  /** Folder of report files and manifest.json. */
  dataDir: string;
  /** Provinces with a server of their own, in server order; the corpus's others share the last one. */
  provinces: string[];
  parser?: ReportParser;
}

export interface LocalCluster {
  config: ClusterConfig;
  /** The configuration as a file, for MEILI_CLUSTER. */
  configFile: string;
  /** The server processes by name (`ms0`, `ms1`, …): stop one to see a partial answer. */
  engines: Record<string, RunningEngine>;
  summaries: ServerSummary[];
  /** Stops every server and removes its data and the configuration file. */
  stop(): Promise<void>;
}

const serverName = (index: number) => `ms${index}`;

export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const count = options.provinces.length + 1;
  const started = await Promise.allSettled(Array.from({ length: count }, () => startTestEngine()));
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const folder = await mkdtemp(path.join(os.tmpdir(), 'meili-cluster-'));
  const stop = async () => {
    await Promise.all(running.map((engine) => engine.stop()));
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const servers = await Promise.all(
      running.map(async (engine) => {
        const { searchKey, adminKey } = await fetchDefaultKeys(engine.url, engine.masterKey);
        return { url: engine.url, searchKey, adminKey };
      }),
    );
    const config = parseClusterConfig(
      {
        servers: Object.fromEntries(servers.map((server, index) => [serverName(index), server])),
        shards: {
          ...Object.fromEntries(options.provinces.map((province, index) => [province, serverName(index)])),
          [OTHER_PROVINCES]: serverName(count - 1),
        },
      },
      'local cluster',
    );
    const configFile = path.join(folder, 'cluster.json');
    await writeFile(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
    const summaries = await indexCluster({ config, paths: [options.dataDir], dataDir: options.dataDir, prefix: options.prefix, parser: options.parser });
    const engines = Object.fromEntries(running.map((engine, index) => [serverName(index), engine]));
    return { config, configFile, engines, summaries, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
