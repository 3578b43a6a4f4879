import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listReportFiles } from '@/lib/parse';

/** The `count` largest report files of a data folder, largest first. */
export async function largestFiles(folder: string, count: number): Promise<string[]> {
  const files = (await listReportFiles(folder)).map((file) => path.join(folder, file));
  const sizes = await Promise.all(files.map(async (file) => ({ file, bytes: (await stat(file)).size })));
  return sizes
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count)
    .map(({ file }) => file);
}
