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

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

export function createAnswerCache({ ttlMs, maxEntries, isServing, now = Date.now }: AnswerCacheOptions): AnswerCache {
  const entries = new Map<string, Entry>();

  const remember = <T>(key: string, compute: () => Promise<T>, keep: (value: T) => boolean): Promise<T> => {
    const value = compute();
    const entry: Entry = { expires: now() + ttlMs, value };
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    const forget = () => {
      if (entries.get(key) === entry) entries.delete(key);
    };
    value.then((answer) => keep(answer) || forget(), forget);
    return value;
  };

  return {
    async answer<T>(key: string, compute: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
      if (ttlMs <= 0) return compute();
      const entry = entries.get(key);
      if (entry && entry.expires > now() && (await isServing())) {
        // Map order is the eviction order: a used answer moves to the back.
        entries.delete(key);
        entries.set(key, entry);
        return entry.value as Promise<T>;
      }
      if (entry) entries.delete(key);
      return remember(key, compute, keep);
    },
  };
}
