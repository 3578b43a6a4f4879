/**
 * The portal server's configuration, checked at start (instrumentation.ts): the environment
 * (lib/config/env.ts) and, when MEILI_CLUSTER is set, the cluster file. A mistake ends the
 * process with the message of the check that failed.
 */
import { readClusterConfig } from '@/lib/cluster/config';
import { readEnv } from '@/lib/config/env';
import { messageOf } from '@/lib/errors';

export function checkServerConfiguration(): void {
  try {
    const env = readEnv();
    if (env.MEILI_CLUSTER) readClusterConfig(env.MEILI_CLUSTER);
  } catch (error) {
    console.error(`portal: ${messageOf(error)}`);
    process.exit(1);
  }
}
