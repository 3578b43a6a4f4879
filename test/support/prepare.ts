/**
 * What the test stages share, made once before they start (`npm run test:prepare`): the
 * production build (when its sources changed) and the corpus database (corpus-engine.ts). The
 * integration files run side by side; left to them, several would build or index at once.
 */
import { buildIfStale } from '@/lib/launcher/build-state';
import { startCorpusEngine } from './corpus-engine';

const started = performance.now();
await Promise.all([buildIfStale(process.cwd(), process.env), startCorpusEngine().then((engine) => engine.stop())]);
console.log(`test:prepare: build and corpus database ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
