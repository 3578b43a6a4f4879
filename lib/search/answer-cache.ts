/**
 * The portal's memory of recent engine answers. On this 2-core machine the engine alone answers
 * the benchmark's search mix at concurrency 16 with a p95 of ~440 ms (10,000 reports): a page
 * that asks it every time cannot be fast under load, and readers ask the same searches again
 * and again (the home page's links, paging back, a shared link). So an answer is kept for a
 * short time (SEARCH_CACHE_SECONDS), the most recently used first out of a bounded number,
 * and identical searches arriving together share one engine call.
 *
 * What the cache must never do is hide the engine: an answer is served from memory only while
 * the engine answers its health check (asked before each answer from memory; the portal's is
 * at most a second old: lib/search/health.ts), failures are
 * never kept, and answers the caller says are incomplete (a cluster server was silent) are not
 * kept either. A reader who asks for a fresh answer (`Cache-Control: no-cache`) gets one.
 */
import { LRUCache } from 'lru-cache';
/** Whether a request's Cache-Control asks for an answer fresh from the engine (`no-cache`). */
export function asksForFreshAnswer(cacheControl: string | null | undefined): boolean {
  return /(?:^|,)\s*no-cache\b/i.test(cacheControl ?? '');
}

export interface AnswerCacheOptions {
  /** How long an answer is served from memory; 0 turns the cache off. */
  ttlMs: number;
  maxEntries: number;
  /** Whether the engine is up (on a cluster: every server). Asked before each answer from memory: make it cheap. */
  isServing: () => Promise<boolean>;
  now?: () => number;
}

export interface AnswerCache {
  /** The remembered answer for `key`, or `compute()`'s (remembered when `keep` says so). */
  answer<T>(key: string, compute: () => Promise<T>, keep?: (value: T) => boolean): Promise<T>;
}

export function createAnswerCache({ ttlMs, maxEntries, isServing, now = Date.now }: AnswerCacheOptions): AnswerCache {
  if (ttlMs <= 0) return { answer: (_key, compute) => compute() };
  // The promise is what is kept: identical searches arriving together share it.
  // ttlResolution 0: the clock is read at every look, not cached for a millisecond (tests drive it).
  const entries = new LRUCache<string, Promise<unknown>>({ max: maxEntries, ttl: ttlMs, ttlResolution: 0, perf: { now } });

  const remember = <T>(key: string, compute: () => Promise<T>, keep: (value: T) => boolean): Promise<T> => {
    const value = compute();
    entries.set(key, value);
    const forget = () => {
      if (entries.peek(key) === value) entries.delete(key);
    };
    value.then((answer) => keep(answer) || forget(), forget);
    return value;
  };

  return {
    async answer<T>(key: string, compute: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
      const remembered = entries.get(key);
      if (remembered && (await isServing())) return remembered as Promise<T>;
      return remember(key, compute, keep);
    },
  };
}
