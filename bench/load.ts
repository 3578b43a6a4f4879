/**
 * A bounded HTTP load loop: `concurrency` workers send requests back to back to one target
 * until the time or the request budget is spent, and every latency is kept (percentiles are
 * exact, not estimated). Loopback only: a target must be on 127.0.0.1 or localhost.
 */
import http from 'node:http';
import { messageOf } from '@/lib/errors';

export interface HttpCall {
  method: 'GET' | 'POST';
  /** Path and query string. */
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** One logical request: calls made one after the other (a portal search may cost the engine two). */
export type LoadRequest = readonly HttpCall[];

export interface LoadTarget {
  name: string;
  origin: string;
  requests: readonly LoadRequest[];
}

export interface LoadLimits {
  concurrency: number;
  durationMs: number;
  /** Stops earlier when this many requests are done. */
  maxRequests: number;
  /** A call slower than this counts as an error. */
  timeoutMs?: number;
}

export interface LoadResult {
  latenciesMs: number[];
  /** Body bytes received, over all successful requests. */
  bytes: number;
  errors: number;
  /** The first few error descriptions, to say what went wrong. */
  errorSamples: string[];
  elapsedMs: number;
}

const MAX_ERROR_SAMPLES = 5;

export function assertLoopback(origin: string): void {
  const { hostname } = new URL(origin);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) throw new Error(`load target ${origin} is not on loopback: refusing to send load there`);
}

/** Resolves with the size of the response body. */
function send(agent: http.Agent, origin: URL, call: HttpCall, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, host: origin.hostname, port: origin.port, method: call.method, path: call.path, headers: call.headers, timeout: timeoutMs },
      (response) => {
        // Read the whole body: a page is only served when its last byte is.
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.once('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 400) resolve(bytes);
          else reject(new Error(`HTTP ${status} for ${call.method} ${call.path.slice(0, 80)}`));
        });
        response.once('error', reject);
      },
    );
    request.once('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms for ${call.path.slice(0, 80)}`)));
    request.once('error', reject);
    request.end(call.body);
  });
}

export async function runLoad(target: LoadTarget, limits: LoadLimits): Promise<LoadResult> {
  assertLoopback(target.origin);
  if (target.requests.length === 0) throw new Error(`no requests for ${target.name}`);
  const origin = new URL(target.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: limits.concurrency });
  const result: LoadResult = { latenciesMs: [], bytes: 0, errors: 0, errorSamples: [], elapsedMs: 0 };
  const started = performance.now();
  const deadline = started + limits.durationMs;
  let issued = 0;
  const worker = async () => {
    while (performance.now() < deadline && issued < limits.maxRequests) {
      const request = target.requests[issued++ % target.requests.length]!;
      const sent = performance.now();
      try {
        let bytes = 0;
        for (const call of request) bytes += await send(agent, origin, call, limits.timeoutMs ?? 10_000);
        result.latenciesMs.push(performance.now() - sent);
        result.bytes += bytes;
      } catch (error) {
        result.errors++;
        if (result.errorSamples.length < MAX_ERROR_SAMPLES) result.errorSamples.push(messageOf(error));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: limits.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  result.elapsedMs = performance.now() - started;
  return result;
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of latencies in ms. */
export function percentiles(latenciesMs: readonly number[]): Percentiles {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1) ?? NaN };
}

export interface InterleavedResult {
  name: string;
  latency: Percentiles;
  /** Completed requests per second of measured time. */
  throughput: number;
  /** Mean body size of a successful request. */
  meanBytes: number;
  errors: number;
  errorSamples: string[];
}

/**
 * Runs the targets in turns of `sliceMs` each (a, b, c, a, b, c, …) until each had
 * `durationMs`, so that whatever else the machine does weighs on all of them alike; one
 * unmeasured warm-up slice per target first.
 */
export async function runInterleaved(targets: readonly LoadTarget[], limits: LoadLimits & { sliceMs: number; warmupMs: number }): Promise<InterleavedResult[]> {
  for (const target of targets) await runLoad(target, { ...limits, durationMs: limits.warmupMs });
  const totals = targets.map((): LoadResult => ({ latenciesMs: [], bytes: 0, errors: 0, errorSamples: [], elapsedMs: 0 }));
  const slices = Math.max(1, Math.round(limits.durationMs / limits.sliceMs));
  const perSliceBudget = Math.ceil(limits.maxRequests / slices);
  for (let slice = 0; slice < slices; slice++) {
    for (const [index, target] of targets.entries()) {
      const result = await runLoad(target, { ...limits, durationMs: limits.sliceMs, maxRequests: perSliceBudget });
      const total = totals[index]!;
      total.latenciesMs.push(...result.latenciesMs);
      total.bytes += result.bytes;
      total.errors += result.errors;
      total.errorSamples.push(...result.errorSamples.slice(0, MAX_ERROR_SAMPLES - total.errorSamples.length));
      total.elapsedMs += result.elapsedMs;
    }
  }
  return targets.map((target, index) => {
    const total = totals[index]!;
    return {
      name: target.name,
      latency: percentiles(total.latenciesMs),
      throughput: total.latenciesMs.length / (total.elapsedMs / 1000),
      meanBytes: total.bytes / Math.max(total.latenciesMs.length, 1),
      errors: total.errors,
      errorSamples: total.errorSamples,
    };
  });
}
