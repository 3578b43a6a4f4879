/**
 * The data manifest (`data/manifest.json`): what the lead knows about each data file, which
 * wins over anything parse can guess from the file itself. An array of entries, one per file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Layout } from '@/lib/report/schema';
import { messageOf, errorCode } from '@/lib/errors';

/** The corpus's level words; metadata maps them to the Chinese facet values. */
export const ManifestLevel = z.enum(['province', 'city', 'district', 'county', 'department', 'town']);
export type ManifestLevel = z.infer<typeof ManifestLevel>;

const optionalText = z.string().trim().min(1).nullable().optional();

export const ManifestEntry = z.object({
  /** Path of the data file relative to the data folder (usually just its name). */
  file: z.string().min(1),
  title: z.string().trim().min(1),
  year: z.number().int().min(2000).max(2100),
  issuer: z.string().trim().min(1),
  province: z.string().trim().min(1),
  city: optionalText,
  district: optionalText,
  level: ManifestLevel,
  format: z.string().optional(),
  layout: Layout.optional(),
  source_url: optionalText,
  provenance: optionalText,
  published_at: optionalText,
  notes: z.string().nullable().optional(),
  /** Generated (benchmark) data: shown as such, never passed off as a real report. */
  synthetic: z.boolean().optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ManifestError';
  }
}

export const MANIFEST_FILE = 'manifest.json';

/** The manifest key of a data file: its path relative to the data folder, with '/' separators. */
export function manifestKey(dataDir: string, filePath: string): string {
  return path.relative(dataDir, path.resolve(dataDir, filePath)).split(path.sep).join('/');
}

/**
 * The manifest of `dataDir`, keyed by `file`. A folder without a manifest has an empty one
 * (files dropped in are parsed from their own text); a manifest that is not valid JSON, or an
 * entry that breaks the schema, is an error naming the entry and the field.
 */
export async function loadManifest(dataDir: string): Promise<Map<string, ManifestEntry>> {
  const manifestPath = path.join(dataDir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = await readFile(manifestPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return new Map();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ManifestError(manifestPath, `not valid JSON (${messageOf(error)})`);
  }
  if (!Array.isArray(json)) throw new ManifestError(manifestPath, 'expected an array of entries');

  const entries = new Map<string, ManifestEntry>();
  json.forEach((item: unknown, position) => {
    const name =
      typeof item === 'object' && item !== null && 'file' in item && typeof item.file === 'string' ? `entry ${position} (${item.file})` : `entry ${position}`;
    const parsed = ManifestEntry.safeParse(item);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      throw new ManifestError(manifestPath, `${name}: ${problems.join('; ')}`);
    }
    const key = manifestKey(dataDir, parsed.data.file);
    if (entries.has(key)) throw new ManifestError(manifestPath, `${name}: a second entry for ${key}`);
    entries.set(key, parsed.data);
  });
  return entries;
}
