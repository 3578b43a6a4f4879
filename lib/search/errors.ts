/**
 * Errors of the query side, typed so that pages and the API can answer each one the right way:
 * an outage is a 503 and an error page, never an empty result list; a bad parameter is a 400
 * that names the parameter.
 */

/**
 * Next.js passes an error's own `digest` to the error boundary unchanged (other server error
 * details are withheld in production): this is how the boundary knows it was an outage.
 */
export const SEARCH_UNAVAILABLE_DIGEST = 'SEARCH_UNAVAILABLE';

/** Meilisearch cannot answer (down, unreachable, timing out, index missing, key refused). */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
  readonly digest = SEARCH_UNAVAILABLE_DIGEST;
  constructor(
    /** For logs only: what the engine or the network said. Never shown to readers. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`search engine unavailable: ${reason}`, options);
  }
}

/** A request parameter the API cannot accept. */
export class InvalidParameterError extends Error {
  override name = 'InvalidParameterError';
  constructor(
    readonly parameter: string,
    /** Reader-facing: says what the parameter must look like. */
    readonly detail: string,
  ) {
    super(`invalid parameter ${parameter}: ${detail}`);
  }
}
