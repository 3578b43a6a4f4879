/**
 * Known-item scores. A hit is relevant to a (year, evidence) pair when its report year is that
 * year and its text, white space removed, contains the evidence, white space removed.
 */
import type { EvalQuery } from './queries';

export interface EvalHit {
  year: number | null;
  /** Section text, or the row's label path and values. */
  text: string;
}

export interface QueryScore {
  id: string;
  /** 1-based rank of the first relevant hit within the top 10; null when there is none. */
  firstRelevantRank: number | null;
  reciprocalRank: number;
  successAt3: number;
  recallAt10: number;
}

export const CUTOFF = 10;

const squeeze = (text: string) => text.replace(/\s+/g, '');

function matches(hit: EvalHit, pair: EvalQuery['relevant'][number]): boolean {
  return hit.year === pair.year && squeeze(hit.text).includes(squeeze(pair.evidence));
}

export function scoreQuery(query: EvalQuery, hits: readonly EvalHit[]): QueryScore {
  const top = hits.slice(0, CUTOFF);
  const index = top.findIndex((hit) => query.relevant.some((pair) => matches(hit, pair)));
  const rank = index === -1 ? null : index + 1;
  const found = query.relevant.filter((pair) => top.some((hit) => matches(hit, pair))).length;
  return {
    id: query.id,
    firstRelevantRank: rank,
    reciprocalRank: rank === null ? 0 : 1 / rank,
    successAt3: rank !== null && rank <= 3 ? 1 : 0,
    recallAt10: found / query.relevant.length,
  };
}

export interface OverallScore {
  mrrAt10: number;
  successAt3: number;
  recallAt10: number;
}

export function overall(scores: readonly QueryScore[]): OverallScore {
  const mean = (pick: (score: QueryScore) => number) => (scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + pick(score), 0) / scores.length);
  return {
    mrrAt10: mean((score) => score.reciprocalRank),
    successAt3: mean((score) => score.successAt3),
    recallAt10: mean((score) => score.recallAt10),
  };
}
