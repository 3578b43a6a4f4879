/** An engine problem the user can act on; its message is one line that says what to do. */
export class EngineError extends Error {
  override name = 'EngineError';
}
