/**
 * Thrown by a format reader when the bytes cannot be read as a report; the dispatcher, which
 * knows the file name, turns it into an IngestError with the same reason.
 */
export class UnreadableFile extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableFile';
  }
}
