/**
 * A seeded random source (mulberry32): the same seed gives the same corpus on every machine,
 * so a benchmark figure can be reproduced from its command line.
 */
import { fnv1a } from '@/lib/parse/hash';
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A count with a long tail, as government statistics have: most small, a few large. */
  logUniform(max: number): number;
}

/** The hash of the seed's text: any string or number is a valid seed. */
const seedOf = (seed: string | number): number => fnv1a(String(seed));

export function createRandom(seed: string | number): Random {
  let state = seedOf(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (probability) => next() < probability,
    logUniform: (max) => Math.max(0, Math.floor(Math.exp(next() * Math.log(max + 1))) - 1),
  };
}
