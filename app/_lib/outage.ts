/**
 * Request header by which proxy.ts tells a page that the engine failed its health check (the
 * page then shows the outage notice under the proxy's 503). The proxy removes any value a
 * client sent, so only the proxy can set it.
 */
export const OUTAGE_HEADER = 'x-portal-search-outage';
