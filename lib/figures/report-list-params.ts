/**
 * The parameters of the list of all reports (/reports, GET /api/reports): province, city,
 * level and year (each at most once; `未标明`: reports that do not state it) and the page. Read
 * strictly by the API, the page and the proxy alike: a bad value is a 400 naming it.
 */
import { z } from 'zod';
import { LEVELS, UNMARKED } from '@/lib/report/schema';
import type { RawParams } from '@/lib/search/query-schema';
import { singleParam } from './params';

export const REPORT_LIST_PATH = '/reports';
export const REPORTS_PER_PAGE = 100;
const PAGE_MAX = 1000;

/** Filters of the list, in URL order; each given at most once. */
export const LIST_FILTERS = ['province', 'city', 'level', 'year'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface ReportListQuery {
  filters: Partial<Record<ListFilter, string>>;
  page: number;
}

const placeName = z
  .string()
  .min(1)
  .max(100)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value));

/** Each filter's values, and how the API's 400 names the rule. `未标明`: reports that do not state it. */
const FILTER_RULES: Record<ListFilter, { schema: z.ZodType<string>; rule: string }> = {
  province: { schema: placeName, rule: '省份名称（或“未标明”），不超过 100 个字符，只能给一次' },
  city: { schema: placeName, rule: '城市名称（或“未标明”），不超过 100 个字符，只能给一次' },
  level: { schema: z.enum([...LEVELS, UNMARKED]), rule: `${[...LEVELS, UNMARKED].join(' / ')} 之一，只能给一次` },
  year: { schema: z.union([z.string().regex(/^(19|20)\d{2}$/), z.literal(UNMARKED)]), rule: '四位年份（如 2023）或“未标明”，只能给一次' },
};

const PageParam = z
  .string()
  .regex(/^[0-9]{1,4}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(PAGE_MAX));

/** Strict: a bad value is an InvalidParameterError naming it (a 400, for the page too); unknown parameters are ignored. */
export function parseReportListParams(raw: RawParams): ReportListQuery {
  const filters: ReportListQuery['filters'] = {};
  for (const name of LIST_FILTERS) {
    const value = singleParam<string | undefined>(raw, name, FILTER_RULES[name].schema, undefined, FILTER_RULES[name].rule);
    if (value !== undefined) filters[name] = value;
  }
  const page = singleParam(raw, 'page', PageParam, 1, `1 到 ${PAGE_MAX} 的整数，只能给一次`);
  return { filters, page };
}

export function reportListParamsOf(query: ReportListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of LIST_FILTERS) {
    const value = query.filters[name];
    if (value !== undefined) params.set(name, value);
  }
  if (query.page !== 1) params.set('page', String(query.page));
  return params;
}

export function reportListHref(query: ReportListQuery, path: string = REPORT_LIST_PATH): string {
  const params = reportListParamsOf(query).toString();
  return params === '' ? path : `${path}?${params}`;
}
