/** Runs a query set through one searcher and scores it. */
import { overall, scoreQuery, type OverallScore, type QueryScore } from './metrics';
import type { EvalQuery } from './queries';
import type { Searcher } from './searchers';

export interface EvalRun {
  name: string;
  scores: QueryScore[];
  overall: OverallScore;
  /** Median time per query, ms. */
  medianMs: number;
}

export async function runQueries(name: string, queries: readonly EvalQuery[], search: Searcher): Promise<EvalRun> {
  const scores: QueryScore[] = [];
  const times: number[] = [];
  // One at a time: the timings are per query, not a measure of the engine under concurrent load.
  for (const query of queries) {
    const started = performance.now();
    const hits = await search(query);
    times.push(performance.now() - started);
    scores.push(scoreQuery(query, hits));
  }
  times.sort((a, b) => a - b);
  return { name, scores, overall: overall(scores), medianMs: times[Math.floor(times.length / 2)] ?? 0 };
}
