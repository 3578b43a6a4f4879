/**
 * Reports whose body is the same or nearly the same: one report republished under another
 * issuer (平潭县人民政府 and 平潭综合实验区管委会 both published the 2011 county report), or a
 * page crawled twice.
 *
 * Similarity is the Jaccard index of the sets of 5-character shingles of the normalised body
 * (section text, NFKC, without whitespace and punctuation; digits kept, so that figures
 * count). Candidates are found with MinHash signatures and LSH banding, so a corpus is not
 * compared pair by pair, and confirmed with the exact index.
 *
 * Threshold 0.8, measured on data/: the cross-issuer 2011 pair scores 0.87 (same text, a few
 * words changed: 县 → 区, the issuer's name); the 2011 and 2012 county reports, which copy their
 * boilerplate from year to year but change the figures, 0.72 (0.65 against the zone's copy);
 * every other pair, the same issuer's successive years included, 0.35 or less.
 */
import type { ParsedReport } from '@/lib/report/schema';
import { fnv1a } from './hash';

export const DUPLICATE_THRESHOLD = 0.8;
const SHINGLE = 5;
const BANDS = 32;
const ROWS_PER_BAND = 4;
const HASHES = BANDS * ROWS_PER_BAND;

export function normaliseBody(report: ParsedReport): string {
  return report.sections
    .map((section) => section.text)
    .join('')
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

export function shingles(text: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= text.length; i++) set.add(fnv1a(text, i, i + SHINGLE));
  return set;
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const value of small) if (large.has(value)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Fixed odd multipliers and offsets, so signatures (and the pairs found) are the same on every
 * run; typed arrays, as the signature loop runs ~128 times per shingle (a tenth of parsing time).
 */
const MULTIPLIERS = Uint32Array.from({ length: HASHES }, (_, i) => (fnv1a(`multiplier-${i}`) | 1) >>> 0);
const OFFSETS = Uint32Array.from({ length: HASHES }, (_, i) => fnv1a(`offset-${i}`));

function signature(set: Set<number>): Uint32Array {
  const minima = new Uint32Array(HASHES).fill(0xffffffff);
  for (const value of set) {
    for (let i = 0; i < HASHES; i++) {
      const permuted = (Math.imul(value, MULTIPLIERS[i]!) + OFFSETS[i]!) >>> 0;
      if (permuted < minima[i]!) minima[i] = permuted;
    }
  }
  return minima;
}

/** Pairs of report indexes that share at least one LSH band: the only pairs compared exactly. */
function candidatePairs(signatures: Uint32Array[]): Array<[number, number]> {
  const pairs = new Set<string>();
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, index) => {
      const key = Array.from(sig.subarray(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND)).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i++) for (let j = i + 1; j < bucket.length; j++) pairs.add(`${bucket[i]},${bucket[j]}`);
    }
  }
  return [...pairs].map((pair) => pair.split(',').map(Number) as [number, number]);
}

/**
 * Fills each report's `duplicates` with the ids of the reports whose body is at least
 * DUPLICATE_THRESHOLD similar (most similar first). Replaces what was there.
 */
export function markDuplicates(reports: ParsedReport[]): void {
  const sets = reports.map((report) => shingles(normaliseBody(report)));
  const signatures = sets.map(signature);
  for (const report of reports) report.duplicates = [];
  for (const [a, b] of candidatePairs(signatures)) {
    const similarity = jaccard(sets[a]!, sets[b]!);
    if (similarity < DUPLICATE_THRESHOLD) continue;
    const rounded = Math.round(similarity * 1000) / 1000;
    reports[a]!.duplicates.push({ id: reports[b]!.report.id, similarity: rounded });
    reports[b]!.duplicates.push({ id: reports[a]!.report.id, similarity: rounded });
  }
  for (const report of reports) {
    report.duplicates.sort((x, y) => y.similarity - x.similarity || x.id.localeCompare(y.id));
  }
}
