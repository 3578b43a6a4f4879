/** Where the tests find report files: the bundled reports (data/) and the crawler's exports of some of them. */
import path from 'node:path';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
/** The crawler's text exports of ten data/ reports (test/fixtures/README.md). */
export const ALT_DIR = path.resolve(import.meta.dirname, '../fixtures/alt');

/** A report of data/, e.g. '2020-hangzhou-xiacheng-qu.txt'. */
export function dataFile(name: string): string {
  return path.join(DATA_DIR, name);
}
