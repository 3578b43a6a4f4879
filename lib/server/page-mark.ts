/**
 * What a page renders to tell the portal's server that this rendering may be served again to
 * other readers (lib/server/page-cache.ts): its answer was whole (no cluster server missing).
 * A page that does not render it, or renders an error or an outage notice, is never kept.
 */
export const KEEP_PAGE_META = { name: 'page-cache', content: 'keep' } as const;

/** The mark as React renders it into the HTML. */
export const KEEP_PAGE_MARK = `<meta name="${KEEP_PAGE_META.name}" content="${KEEP_PAGE_META.content}"/>`;
