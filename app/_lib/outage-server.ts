import 'server-only';
import { headers } from 'next/headers';
import { marksOutage, OUTAGE_HEADER } from './outage';

/** Whether proxy.ts found the engine down for this request. */
export async function engineIsDown(): Promise<boolean> {
  return marksOutage((await headers()).get(OUTAGE_HEADER));
}
