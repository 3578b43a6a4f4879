/**
 * A file that was read but is not a report we can parse (no report text, not a disclosure
 * report at all, no year to file it under). Named with the file and the reason, like
 * `IngestError`, so a folder run can report it in one line and go on.
 */
export class ParseError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ParseError';
  }
}
