/**
 * Relevance query files (format: EvalQueryFile below): what a person types, the facet
 * selections, and the (year, evidence) pairs a relevant hit must show.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FACET_NAMES, type FacetName } from '@/lib/index/facets';

const FacetSelection = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]);

export const EvalQuery = z.object({
  id: z.string().min(1),
  q: z.string(),
  filters: z
    .record(z.string(), FacetSelection)
    .default({})
    .refine((filters) => Object.keys(filters).every((name) => (FACET_NAMES as readonly string[]).includes(name)), {
      message: `filters may only name facets (${FACET_NAMES.join(', ')})`,
    }),
  relevant: z.array(z.object({ year: z.number().int(), evidence: z.string().min(1) })).min(1),
});
export type EvalQuery = z.infer<typeof EvalQuery>;

export const EvalQueryFile = z.array(EvalQuery).min(1);

/** Facet selections as lists of strings, the way URLs and the query schema carry them. */
export function filterValues(query: EvalQuery): Partial<Record<FacetName, string[]>> {
  return Object.fromEntries(Object.entries(query.filters).map(([name, value]) => [name, (Array.isArray(value) ? value : [value]).map(String)]));
}

export async function loadQueries(file: string): Promise<EvalQuery[]> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  const parsed = EvalQueryFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(file)'}: ${issue?.message}`);
  }
  return parsed.data;
}
