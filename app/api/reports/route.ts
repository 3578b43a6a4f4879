import type { NextRequest } from 'next/server';
import { loadReportList } from '@/lib/figures/report-list';
import { parseReportListParams, REPORTS_PER_PAGE } from '@/lib/figures/report-list-params';
import { searchEngine } from '@/lib/search/client';
import { failFrom, ok } from '../_lib/respond';

/**
 * GET /api/reports?province=&city=&level=&year=&page=: the JSON twin of /reports, every report
 * by place and year, a page of 100 at a time (`未标明`: reports that do not state it).
 */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const query = parseReportListParams(request.nextUrl.searchParams);
    const list = await loadReportList(searchEngine(), query);
    return ok({
      filters: query.filters,
      total: list.total,
      page: query.page,
      per_page: REPORTS_PER_PAGE,
      total_pages: list.totalPages,
      reports: list.reports,
      options: list.options,
    });
  } catch (error) {
    return failFrom(error);
  }
}
