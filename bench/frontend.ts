/**
 * What a reader's browser downloads: the JavaScript a page loads (its <script src> files,
 * gzipped as a server would send them) and the HTML of the heaviest report page.
 */
import { gzipSync } from 'node:zlib';
import { scriptSources } from '@/test/support/page-scripts';
import { assertLoopback } from './load';

export interface Weight {
  bytes: number;
  gzipBytes: number;
}

export interface PageScripts extends Weight {
  path: string;
  files: number;
}

const gzipSize = (body: Buffer) => gzipSync(body, { level: 6 }).length;

async function download(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return Buffer.from(await response.arrayBuffer());
}

export async function pageScripts(origin: string, path: string): Promise<PageScripts> {
  assertLoopback(origin);
  const html = (await download(`${origin}${path}`)).toString('utf8');
  const sources = scriptSources(html);
  const bodies = await Promise.all(sources.map((source) => download(new URL(source, origin).href)));
  return {
    path,
    files: sources.length,
    bytes: bodies.reduce((sum, body) => sum + body.length, 0),
    gzipBytes: bodies.reduce((sum, body) => sum + gzipSize(body), 0),
  };
}

/** The largest HTML among the report pages of `reportIds`. */
export async function largestReportPage(origin: string, reportIds: readonly string[]): Promise<(Weight & { reportId: string }) | null> {
  assertLoopback(origin);
  let largest: (Weight & { reportId: string }) | null = null;
  for (const reportId of reportIds) {
    const html = await download(`${origin}/reports/${encodeURIComponent(reportId)}`);
    if (!largest || html.length > largest.bytes) largest = { reportId, bytes: html.length, gzipBytes: gzipSize(html) };
  }
  return largest;
}
