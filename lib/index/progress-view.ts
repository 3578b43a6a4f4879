/**
 * How `npm run index` shows its progress: a bar on a terminal (files, then reports, then
 * documents, with the phase), plain lines otherwise (one per file, one per phase), so that
 * logs and CI output stay readable. Failures are always printed, each on its own line.
 */
import cliProgress from 'cli-progress';
import type { IndexProgress, IndexSummary } from './index-reports';

export interface ProgressView {
  onProgress: (event: IndexProgress) => void;
  /** Removes the bar (before the summary or an error is printed). */
  stop(): void;
}

function fileLine(event: Extract<IndexProgress, { kind: 'file' }>): string {
  const counter = `[${event.done}/${event.total}]`;
  return event.error === undefined
    ? `${counter} ${event.file}: ${event.sections} sections, ${event.rows} table rows`
    : `${counter} ${event.file}: FAILED: ${event.error}`;
}

export function plainProgress(write: (line: string) => void): ProgressView {
  let lastUploadShare = -1;
  return {
    onProgress(event) {
      if (event.kind === 'start') write(`${event.mode === 'rebuild' ? 'rebuilding the index from' : 'updating the index with'} ${event.files} file(s)`);
      else if (event.kind === 'file') write(fileLine(event));
      else if (event.kind === 'prepare' && event.done === event.total) write(`segmented ${event.total} report(s) into ${event.documents} documents`);
      else if (event.kind === 'upload') {
        // A line per quarter, not per batch.
        const share = Math.floor((event.indexed / event.total) * 4);
        if (share !== lastUploadShare) write(`indexed ${event.indexed}/${event.total} documents`);
        lastUploadShare = share;
      } else if (event.kind === 'swap') write('swapping the new index in');
      else if (event.kind === 'notice') write(event.message);
    },
    stop() {},
  };
}

export function barProgress(stream: NodeJS.WriteStream): ProgressView {
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: '{phase} |{bar}| {value}/{total} {unit} | {documents} documents | {detail}',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(1, 0, { phase: 'parsing   ', unit: 'files', documents: 0, detail: '' });
  let documents = 0;
  return {
    onProgress(event) {
      if (event.kind === 'start') bar.setTotal(Math.max(event.files, 1));
      else if (event.kind === 'file') {
        if (event.error !== undefined) bars.log(`${fileLine(event)}\n`);
        bar.update(event.done, { detail: event.file });
      } else if (event.kind === 'prepare') {
        documents = event.documents;
        bar.setTotal(event.total);
        bar.update(event.done, { phase: 'segmenting', unit: 'reports', documents, detail: '' });
      } else if (event.kind === 'upload') {
        bar.setTotal(event.total);
        bar.update(event.indexed, { phase: 'indexing  ', unit: 'docs', documents, detail: '' });
      } else if (event.kind === 'swap') bar.update({ phase: 'swapping  ', detail: 'new index goes live' });
      else if (event.kind === 'notice') bars.log(`${event.message}\n`);
    },
    stop() {
      bars.stop();
    },
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatSummary(summary: IndexSummary): string {
  const { timings } = summary;
  const perSecond = timings.totalMs > 0 ? Math.round(summary.documents / (timings.totalMs / 1000)) : 0;
  const lines = [
    `${summary.mode === 'rebuild' ? 'rebuilt' : 'updated'}: ${summary.reports} report(s) of ${summary.files} file(s), ` +
      `${summary.documents} documents (${summary.sections} sections, ${summary.rows} table rows), ${summary.failures.length} failure(s)`,
    `time: ${seconds(timings.totalMs)} total (parse ${seconds(timings.parseMs)}, segment ${seconds(timings.segmentMs)} ` +
      `incl. dictionary load ${seconds(timings.dictionaryMs)}, engine ${seconds(timings.engineMs)}), ${perSecond} documents/s`,
  ];
  for (const failure of summary.failures) lines.push(`failed: ${failure.file}: ${failure.reason}`);
  return lines.join('\n');
}
