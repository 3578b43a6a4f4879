/** The evaluation as a plain-text table: one line per query and run, then the averages. */
import type { EvalQuery } from './queries';
import type { EvalRun } from './run';

const number = (value: number) => value.toFixed(3);

/** Characters that take two columns in a terminal: CJK ideographs, punctuation and full-width forms. */
const WIDE = /[\u2e80-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function pad(text: string, width: number): string {
  const columns = [...text].reduce((sum, char) => sum + (WIDE.test(char) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - columns));
}

export function formatEvaluation(queries: readonly EvalQuery[], runs: readonly EvalRun[]): string {
  const lines: string[] = [];
  const header = runs.map((run) => pad(`${run.name}: rank RR S@3 R@10`, 34)).join('');
  lines.push(`${pad('query', 44)}${header}`);
  queries.forEach((query, index) => {
    const cells = runs.map((run) => {
      const score = run.scores[index]!;
      return pad(
        `${pad(score.firstRelevantRank === null ? '—' : String(score.firstRelevantRank), 5)}${number(score.reciprocalRank)} ${score.successAt3} ${number(score.recallAt10)}`,
        34,
      );
    });
    lines.push(`${pad(`${query.id} ${query.q}`.slice(0, 30), 44)}${cells.join('')}`);
  });
  lines.push('');
  for (const run of runs) {
    const { mrrAt10, successAt3, recallAt10 } = run.overall;
    lines.push(
      `${pad(run.name, 10)} MRR@10 ${number(mrrAt10)}  Success@3 ${number(successAt3)}  recall@10 ${number(recallAt10)}  (${run.scores.length} queries, median ${run.medianMs.toFixed(1)} ms/query)`,
    );
  }
  return lines.join('\n');
}
