/**
 * Load held: the portal's API and pages, alternately, at a fixed concurrency for minutes, with
 * the memory of the portal and of the engine sampled throughout. Memory is "flat" when the
 * last third of the run holds no more than the middle third plus a margin (warm-up excluded).
 */
import type { SearchQuery } from '@/lib/search/query-schema';
import { percentiles, runLoad, type LoadTarget, type Percentiles } from './load';
import { sampleMemory } from './proc';
import { portalTargets } from './search';

export interface MemoryTrend {
  /** Mean of the samples in the middle third and in the last third of the run. */
  middleBytes: number;
  lastBytes: number;
  maxBytes: number;
  flat: boolean;
}

export interface SoakFigures {
  durationMs: number;
  concurrency: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  latency: Percentiles;
  portal: MemoryTrend;
  engine: MemoryTrend;
}

/** Growth of the last third over the middle third still called flat (GC sawtooth, caches). */
const FLAT_MARGIN = 0.1;
const SAMPLE_MS = 2_000;

export function memoryTrend(samples: readonly number[]): MemoryTrend {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
  const third = Math.floor(samples.length / 3);
  const middleBytes = mean(samples.slice(third, 2 * third));
  const lastBytes = mean(samples.slice(2 * third));
  return { middleBytes, lastBytes, maxBytes: Math.max(...samples), flat: lastBytes <= middleBytes * (1 + FLAT_MARGIN) };
}

export async function soak(options: {
  portalUrl: string;
  portalPid: number;
  enginePid: number;
  queries: readonly SearchQuery[];
  concurrency: number;
  durationMs: number;
}): Promise<SoakFigures> {
  // Mostly fresh answers, so that the soak holds the engine under load too, and pages as
  // readers get them (kept pages: lib/server/page-cache.ts), so that their path is held as well.
  const { api, page, pageFresh } = portalTargets(options.portalUrl, options.queries);
  const mixed: LoadTarget = {
    name: 'soak',
    origin: options.portalUrl,
    requests: api.requests.flatMap((request, index) => [request, pageFresh.requests[index]!, page.requests[index]!]),
  };
  const portalMemory = sampleMemory(options.portalPid, SAMPLE_MS);
  const engineMemory = sampleMemory(options.enginePid, SAMPLE_MS);
  const result = await runLoad(mixed, { concurrency: options.concurrency, durationMs: options.durationMs, maxRequests: 5_000_000 });
  const [portalSamples, engineSamples] = await Promise.all([portalMemory.stop(), engineMemory.stop()]);
  return {
    durationMs: result.elapsedMs,
    concurrency: options.concurrency,
    requests: result.latenciesMs.length + result.errors,
    errors: result.errors,
    errorSamples: result.errorSamples,
    latency: percentiles(result.latenciesMs),
    portal: memoryTrend(portalSamples),
    engine: memoryTrend(engineSamples),
  };
}
