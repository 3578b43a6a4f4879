/**
 * The one list of facets. It drives the index settings (filterable/sortable attributes), the
 * filter expression built from a query, the URL/API parameters and the sidebar; a test checks
 * they agree. Add a facet here and everything else follows.
 */
import { present } from '@/lib/errors';

export interface FacetDefinition {
  /** Attribute name in the index, and the URL/API parameter name. */
  readonly name: string;
  /** Label shown to readers. */
  readonly label: string;
  /** Numeric facets are parsed as integers from the URL and filtered as numbers. */
  readonly type: 'string' | 'number';
  /** For the place hierarchy (省份 › 城市 › 区县): the facet this one narrows. */
  readonly parent?: string;
  /**
   * Counted only once one of these facets (or this one) has a selection. A national corpus has
   * thousands of cities, districts and issuers: counting them all for every search was a third
   * of the engine's time (measured on 10,000 reports), and their top values across the whole
   * country say little.
   */
  readonly countedAfter?: readonly string[];
  /** What the sidebar says in place of the values until then. */
  readonly waiting?: string;
}

export const FACETS = [
  { name: 'year', label: '年度', type: 'number' },
  { name: 'province', label: '省份', type: 'string' },
  { name: 'city', label: '城市', type: 'string', parent: 'province', countedAfter: ['province'], waiting: '选定省份后列出。' },
  { name: 'district', label: '区县', type: 'string', parent: 'city', countedAfter: ['city'], waiting: '选定城市后列出。' },
  { name: 'issuer', label: '发布机关', type: 'string', countedAfter: ['province', 'city', 'district'], waiting: '选定地区后列出；也可在搜索框写出机关名称。' },
  { name: 'level', label: '层级', type: 'string' },
  { name: 'category', label: '公开类别', type: 'string' },
  { name: 'kind', label: '内容类型', type: 'string' },
] as const satisfies readonly FacetDefinition[];

export type FacetName = (typeof FACETS)[number]['name'];

export const FACET_NAMES: readonly FacetName[] = FACETS.map((facet) => facet.name);

/** How a facet reads to readers (年度, 省份, …). */
export function facetLabel(name: FacetName): string {
  return present(
    FACETS.find((facet) => facet.name === name),
    `the facet ${name}`,
  ).label;
}

/** The facets whose values a search with these selections counts (see `countedAfter`). */
export function countedFacets(filters: Readonly<Record<FacetName, readonly unknown[]>>): FacetName[] {
  const isSelected = (name: string) => (filters[name as FacetName]?.length ?? 0) > 0;
  return FACETS.filter((facet: FacetDefinition) => !facet.countedAfter || isSelected(facet.name) || facet.countedAfter.some(isSelected)).map(
    (facet) => facet.name,
  );
}

/** Values of `kind` and how they read. */
export const KIND_LABELS = { section: '正文段落', row: '表格行' } as const;
export type DocumentKind = keyof typeof KIND_LABELS;
