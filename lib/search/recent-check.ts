/**
 * A check that is asked at most once per `ttlMs`: callers in that time share its answer (a
 * rejection counts as `false`). The engine's health is asked before every page and cached
 * answer; a connection and a request each time was ~2 ms of the portal's CPU per page under load.
 */
export function recentCheck(check: () => Promise<boolean>, ttlMs: number, now: () => number = Date.now): () => Promise<boolean> {
  let last: { checked: number; result: Promise<boolean> } | undefined;
  return () => {
    if (!last || now() - last.checked >= ttlMs) last = { checked: now(), result: check().catch(() => false) };
    return last.result;
  };
}
