/**
 * Request header by which proxy.ts tells a page that the engine failed its health check (the
 * page then shows the outage notice under the proxy's 503). The proxy removes any value a
 * client sent, so only the proxy can set it.
 */
export const OUTAGE_HEADER = 'x-portal-search-outage';

/** The header's value when the proxy found the engine down. */
export const OUTAGE_MARK = '1';

/** Whether a request's `OUTAGE_HEADER` value says the engine is down. */
export function marksOutage(value: string | string[] | null | undefined): boolean {
  return value === OUTAGE_MARK;
}

/**
 * What a page says when servers of a cluster did not answer (lib/cluster): the regions whose
 * reports its results leave out. Null when nothing is missing.
 */
export function partialResultsNotice(missingRegions: readonly string[]): string | null {
  if (missingRegions.length === 0) return null;
  return `以下地区的结果暂缺：${missingRegions.join('、')}。这些地区的检索服务暂时无法响应，页面上的结果和数量不含这些地区；请稍后刷新重试。`;
}
