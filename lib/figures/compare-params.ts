/**
 * The comparison's URL state: a measure from the catalogue and the same place/year facets as
 * search (parsed by the search schema, so values are validated and escaped the same way). The
 * API reading is strict (a bad parameter is an InvalidParameterError → 400); the page reading
 * falls back to defaults and says what it dropped.
 */
import { z } from 'zod';
import type { FacetName } from '@/lib/index/facets';
import { DEFAULT_QUERY, parseApiSearchParams, parsePageSearchParams, type FacetFilters, type RawParams } from '@/lib/search/query-schema';
import { DEFAULT_MEASURE_ID, MEASURE_IDS, MEASURES, measureById, type Measure } from './catalogue';
import { commonMeasures } from './common-measures';
import { VALUE_SORTS, type ValueSort } from './ranking';
import type { ExportFormat } from './download';
import { parseFormat, singleParam, valuesOf } from './params';

/** Facets that choose places and years; 公开类别 and 内容类型 are fixed by the measure (table rows). */
export const COMPARE_FACETS = ['year', 'province', 'city', 'district', 'issuer', 'level'] as const satisfies readonly FacetName[];

export const COMPARE_PATH = '/compare';
export const COMPARE_API_PATH = '/api/compare';

/** `place`: places × years (the default); by value: a ranking of one year (the API: of every year). */
export const COMPARE_SORTS = ['place', ...VALUE_SORTS] as const;
export type CompareSort = (typeof COMPARE_SORTS)[number];

export interface CompareQuery {
  measure: Measure;
  filters: FacetFilters;
  sort: CompareSort;
}

const MeasureParam = z.enum(MEASURE_IDS);
const SortParam = z.enum(COMPARE_SORTS);
const SORT_RULE = 'place / value-desc / value-asc 之一，只能给一次';

export function isValueSort(sort: CompareSort): sort is ValueSort {
  return sort !== 'place';
}

/**
 * A measure by id, by its label as the picker shows it (what a form sends without JavaScript),
 * or by words typed into the picker (`不予公开`): the first common measure, else the first
 * measure, whose label or common name holds them.
 */
export function measureFromPicker(given: string): Measure | undefined {
  const exact = measureById(given) ?? MEASURES.find((measure) => measure.label === given);
  if (exact) return exact;
  const words = given.replace(/\s+/g, '');
  if (words === '') return undefined;
  const holds = (text: string) => text.replace(/\s+/g, '').includes(words);
  return commonMeasures().find(({ measure, name }) => holds(name) || holds(measure.label))?.measure ?? MEASURES.find((measure) => holds(measure.label));
}

/** Only the place/year facets, in the shape the search schema reads. */
function facetParams(raw: RawParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const facet of COMPARE_FACETS) for (const value of valuesOf(raw, facet)) params.append(facet, value);
  return params;
}

function onlyCompareFacets(filters: FacetFilters): FacetFilters {
  return { ...DEFAULT_QUERY.filters, ...Object.fromEntries(COMPARE_FACETS.map((facet) => [facet, filters[facet]])) };
}

/** API reading: `measure`, `format` and the place/year facets; anything bad is a 400. */
export function parseApiCompareParams(raw: RawParams): CompareQuery & { format: ExportFormat } {
  const measureId = singleParam(raw, 'measure', MeasureParam, DEFAULT_MEASURE_ID, '指标编号之一（见 /compare 的指标列表），只能给一次');
  const format = parseFormat(raw);
  const sort = singleParam(raw, 'sort', SortParam, 'place', SORT_RULE);
  const { filters } = parseApiSearchParams(facetParams(raw));
  return { measure: measureById(measureId)!, filters: onlyCompareFacets(filters), sort, format };
}

/** Page reading: never fails; an unknown measure falls back to the default, with a notice. */
export function parsePageCompareParams(raw: RawParams): { query: CompareQuery; notices: string[] } {
  const { query, notices } = parsePageSearchParams(facetParams(raw));
  const given = valuesOf(raw, 'measure')[0];
  const found = given === undefined ? undefined : measureFromPicker(given);
  if (given !== undefined && !found) notices.push('没有这个指标，已显示默认指标。');
  else if (found && given !== found.id && given !== found.label) notices.push(`按“${given}”选了指标：${found.label}。`);
  const givenSort = valuesOf(raw, 'sort')[0];
  const sort = SortParam.safeParse(givenSort ?? 'place');
  if (!sort.success) notices.push('排序方式无效，已按地区排列。');
  const measure = found ?? measureById(DEFAULT_MEASURE_ID)!;
  return { query: { measure, filters: onlyCompareFacets(query.filters), sort: sort.success ? sort.data : 'place' }, notices };
}

/** Parameters of a comparison in a stable order (one URL per comparison). */
export function compareParamsOf(query: CompareQuery): URLSearchParams {
  const params = new URLSearchParams({ measure: query.measure.id });
  for (const facet of COMPARE_FACETS) for (const value of query.filters[facet]) params.append(facet, value);
  if (query.sort !== 'place') params.set('sort', query.sort);
  return params;
}

export function compareHref(query: CompareQuery): string {
  return `${COMPARE_PATH}?${compareParamsOf(query)}`;
}

export function compareExportHref(query: CompareQuery, format: ExportFormat): string {
  const params = compareParamsOf(query);
  params.set('format', format);
  return `${COMPARE_API_PATH}?${params}`;
}
