/**
 * The URL is the state, parsed once. One zod schema turns request parameters (the /search
 * page's `searchParams` or the API's query string) into a typed SearchQuery. Two readings of
 * the same schema:
 * - the API is strict: a bad parameter is an InvalidParameterError naming it (→ 400);
 * - pages are forgiving: a bad value falls back to its default (a bad facet value is dropped),
 *   a too-long q is truncated, and the reader gets a notice; never an error page.
 * Unknown parameters are ignored by both.
 */
import { z } from 'zod';
import { CATEGORIES, LEVELS } from '@/lib/report/schema';
import { FACETS, KIND_LABELS, type FacetName } from '@/lib/index/facets';
import { InvalidParameterError } from './errors';
import { DEFAULT_QUERY, QUERY_LIMITS } from './query-defaults';

export { DEFAULT_QUERY, QUERY_LIMITS };

export const SORTS = ['relevance', 'year-desc', 'year-asc'] as const;
export type Sort = (typeof SORTS)[number];

/** all: every query word must match (precise counts); any: at least one (broader). */
export const MATCHES = ['all', 'any'] as const;
export type Match = (typeof MATCHES)[number];

/** report: one entry per report with its best hits; none: the flat list of hits. */
export const GROUPS = ['report', 'none'] as const;
export type Group = (typeof GROUPS)[number];

/** Selected values per facet, as they appear in URLs and facet distributions (strings). */
export type FacetFilters = Record<FacetName, string[]>;

export interface SearchQuery {
  q: string;
  filters: FacetFilters;
  sort: Sort;
  match: Match;
  /**
   * Search q as typed: years, places and issuers in it are not read as filters (the link
   * "search instead for …" sets it).
   */
  literal: boolean;
  /** As asked; absent: each surface's default (the page groups by report, the API does not). */
  group: Group | undefined;
  page: number;
  perPage: number;
}

/** Parameters as the web gives them: every name may repeat. */
export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Facets whose values are a closed list: anything else cannot match and is refused. */
const CLOSED_VALUES: Partial<Record<FacetName, readonly string[]>> = {
  level: LEVELS,
  category: CATEGORIES,
  kind: Object.keys(KIND_LABELS),
};

function facetValueSchema(name: FacetName, type: 'string' | 'number'): z.ZodType<string, string> {
  if (type === 'number') {
    // Canonical integer text: `2020`, never `2020.0`, `2e3` or `2020 OR 1=1`.
    return z
      .string()
      .regex(/^[0-9]{1,9}$/)
      .transform((value) => String(Number(value)));
  }
  const closed = CLOSED_VALUES[name];
  if (closed) return z.string().refine((value) => closed.includes(value));
  return (
    z
      .string()
      .max(QUERY_LIMITS.facetValueMaxLength)
      // Control characters have no place in a place name or an issuer.
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value))
  );
}

/** A parameter given at most once; absent → undefined. */
function single<T extends z.ZodType<unknown, string>>(schema: T) {
  return z
    .array(z.string())
    .max(1)
    .transform((values) => values[0])
    .pipe(schema.optional());
}

function integerText(min: number, max: number) {
  return z
    .string()
    .regex(/^[0-9]{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

const scalarFields = {
  q: single(z.string().max(QUERY_LIMITS.qMaxLength)).transform((value) => value ?? ''),
  sort: single(z.enum(SORTS)).transform((value) => value ?? 'relevance'),
  match: single(z.enum(MATCHES)).transform((value) => value ?? 'all'),
  literal: single(z.enum(['1'])).transform((value) => value === '1'),
  group: single(z.enum(GROUPS)),
  page: single(integerText(1, QUERY_LIMITS.pageMax)).transform((value) => value ?? 1),
  per_page: single(integerText(1, QUERY_LIMITS.perPageMax)).transform((value) => value ?? QUERY_LIMITS.perPageDefault),
};

const facetValueSchemas = Object.fromEntries(FACETS.map((facet) => [facet.name, facetValueSchema(facet.name, facet.type)])) as Record<
  FacetName,
  z.ZodType<string, string>
>;

/** Every value valid, duplicates collapsed, at most valuesPerFacetMax distinct values. */
function facetField(valueSchema: z.ZodType<string, string>) {
  return z
    .array(valueSchema)
    .transform((values) => [...new Set(values)])
    .pipe(z.array(z.string()).max(QUERY_LIMITS.valuesPerFacetMax));
}

const facetFields = Object.fromEntries(FACETS.map((facet) => [facet.name, facetField(facetValueSchemas[facet.name])])) as Record<
  FacetName,
  ReturnType<typeof facetField>
>;

/** The one schema: normalised parameters (name → every value given) → typed fields. */
export const SearchParamsSchema = z.object({ ...scalarFields, ...facetFields });

/** What each parameter must look like, for the API's 400 messages. */
const PARAMETER_RULES: Record<string, string> = {
  q: `查询词，最多 ${QUERY_LIMITS.qMaxLength} 个字符，只能给一次`,
  sort: `${SORTS.join(' / ')} 之一，只能给一次`,
  match: `${MATCHES.join(' / ')} 之一，只能给一次`,
  literal: '只能为 1（按原文搜索，不把年份、地区读作筛选条件），只能给一次',
  group: `${GROUPS.join(' / ')} 之一，只能给一次`,
  page: `1 到 ${QUERY_LIMITS.pageMax} 的整数，只能给一次`,
  per_page: `1 到 ${QUERY_LIMITS.perPageMax} 的整数，只能给一次`,
  ...Object.fromEntries(
    FACETS.map((facet) => {
      const closed = CLOSED_VALUES[facet.name];
      const value =
        facet.type === 'number' ? '整数（如 2020）' : closed ? `${closed.join(' / ')} 之一` : `不超过 ${QUERY_LIMITS.facetValueMaxLength} 个字符的文字`;
      return [facet.name, `每个值为${value}，最多 ${QUERY_LIMITS.valuesPerFacetMax} 个不同的值`];
    }),
  ),
};

const FIELD_NAMES = Object.keys(SearchParamsSchema.shape) as Array<keyof typeof SearchParamsSchema.shape>;

/**
 * name → every non-empty value given, for the parameters we know (others are ignored). Empty
 * values (`year=` from a form) count as absent. Whitespace in q is collapsed here so that the
 * length limit applies to what is searched.
 */
function normalise(raw: RawParams): Record<string, string[]> {
  const known = new Set<string>(FIELD_NAMES);
  const params: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    if (!known.has(name)) return;
    const cleaned = name === 'q' ? value.replace(/\s+/g, ' ').trim() : value.trim();
    if (cleaned !== '') (params[name] ??= []).push(cleaned);
  };
  if (raw instanceof URLSearchParams) {
    raw.forEach((value, name) => add(name, value));
  } else {
    for (const [name, value] of Object.entries(raw)) {
      for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) add(name, item);
    }
  }
  return params;
}

type ParsedFields = z.infer<typeof SearchParamsSchema>;

function toSearchQuery(fields: ParsedFields): SearchQuery {
  const filters = Object.fromEntries(FACETS.map((facet) => [facet.name, fields[facet.name]])) as FacetFilters;
  return {
    q: fields.q,
    filters,
    sort: fields.sort,
    match: fields.match,
    literal: fields.literal,
    group: fields.group,
    page: fields.page,
    perPage: fields.per_page,
  };
}

/** API reading: the first bad parameter is an InvalidParameterError. */
export function parseApiSearchParams(raw: RawParams): SearchQuery {
  const result = SearchParamsSchema.safeParse(withAbsentAsEmpty(normalise(raw)));
  if (!result.success) {
    const parameter = String(result.error.issues[0]?.path[0] ?? 'query');
    throw new InvalidParameterError(parameter, PARAMETER_RULES[parameter] ?? '无效');
  }
  return toSearchQuery(result.data);
}

export interface PageSearchParams {
  query: SearchQuery;
  /** Reader-facing notes on what was changed or ignored (Chinese). */
  notices: string[];
}

/** Page reading: never fails; bad values fall back to defaults and are reported as notices. */
export function parsePageSearchParams(raw: RawParams): PageSearchParams {
  const params = withAbsentAsEmpty(normalise(raw));
  const notices: string[] = [];
  const max = QUERY_LIMITS.qMaxLength;
  if (params.q?.some((q) => q.length > max)) {
    params.q = params.q.map((q) => q.slice(0, max));
    notices.push(`查询词过长，只搜索了前 ${max} 个字符。`);
  }
  const ignored: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) {
    const given = params[name] ?? [];
    const { value, complete } = isFacetName(name) ? forgivingFacet(name, given) : forgivingScalar(name, given);
    fields[name] = value;
    if (!complete) ignored.push(name);
  }
  if (ignored.length > 0) notices.push(`已忽略无效的参数：${ignored.join('、')}。`);
  return { query: toSearchQuery(fields as ParsedFields), notices };
}

interface ForgivingField {
  value: unknown;
  /** False when something the reader gave was dropped. */
  complete: boolean;
}

/** Keeps the valid values (up to the cap), drops the rest. */
function forgivingFacet(name: FacetName, given: string[]): ForgivingField {
  const valid = new Set<string>();
  for (const value of given) {
    const parsed = facetValueSchemas[name].safeParse(value);
    if (parsed.success) valid.add(parsed.data);
  }
  const kept = [...valid].slice(0, QUERY_LIMITS.valuesPerFacetMax);
  return { value: kept, complete: kept.length === new Set(given).size };
}

/** The first value if it is valid, else the default. */
function forgivingScalar(name: (typeof FIELD_NAMES)[number], given: string[]): ForgivingField {
  const schema = SearchParamsSchema.shape[name];
  const parsed = schema.safeParse(given.slice(0, 1));
  if (parsed.success) return { value: parsed.data, complete: given.length <= 1 };
  return { value: schema.parse([]), complete: false };
}

function isFacetName(name: string): name is FacetName {
  return FACETS.some((facet) => facet.name === name);
}

/** The schema reads every field from an array; absent parameters are empty arrays. */
function withAbsentAsEmpty(params: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, params[name] ?? []]));
}
