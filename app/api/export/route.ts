import type { NextRequest } from 'next/server';
import { downloadResponse, publicOrigin, safeFileName, started } from '@/lib/figures/download';
import { parseFormat } from '@/lib/figures/params';
import { exportedRows, rowsCsv, rowsJson } from '@/lib/figures/search-export';
import { searchEngine } from '@/lib/search/client';
import { parseApiSearchParams } from '@/lib/search/query-schema';
import { failFrom } from '../_lib/respond';

/**
 * GET /api/export?format=csv|json&q=…&year=…: every table row the same search finds (the
 * search parameters of /search; rows only, all pages), streamed.
 */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const params = request.nextUrl.searchParams;
    const format = parseFormat(params);
    const query = parseApiSearchParams(params);
    const rows = await started(exportedRows(searchEngine(), query, publicOrigin(request.headers, request.nextUrl.origin)));
    const body = format === 'csv' ? rowsCsv(rows) : rowsJson(rows, query);
    return downloadResponse(body, format, `表格行-${safeFileName(query.q || '全部')}`);
  } catch (error) {
    return failFrom(error);
  }
}
