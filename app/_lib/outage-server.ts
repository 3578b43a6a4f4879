import 'server-only';
import { headers } from 'next/headers';
import { OUTAGE_HEADER } from './outage';

/** Whether proxy.ts found the engine down for this request. */
export async function engineIsDown(): Promise<boolean> {
  return (await headers()).get(OUTAGE_HEADER) === '1';
}
