import type { NextRequest } from 'next/server';
import { observationBatches } from '@/lib/figures/compare-data';
import { comparisonCsv, comparisonJson } from '@/lib/figures/compare-export';
import { parseApiCompareParams } from '@/lib/figures/compare-params';
import { downloadResponse, publicOrigin, safeFileName, started } from '@/lib/figures/download';
import { searchEngine } from '@/lib/search/client';
import { failFrom } from '../_lib/respond';

/**
 * GET /api/compare?measure=…&year=…&province=…&sort=place|value-desc|value-asc&format=json|csv: the
 * JSON twin of /compare and its CSV download. One record per report; streamed partition by
 * partition (sorted by value: read whole, then ranked year by year, gaps last).
 */
export async function GET(request: NextRequest): Promise<Response> {
  try {
    const { format, ...query } = parseApiCompareParams(request.nextUrl.searchParams);
    const batches = await started(observationBatches(searchEngine(), query));
    const origin = publicOrigin(request.headers, request.nextUrl.origin);
    const body = format === 'csv' ? comparisonCsv(batches, query, origin) : comparisonJson(batches, query, origin);
    return downloadResponse(body, format, `对比-${safeFileName(query.measure.label)}`);
  } catch (error) {
    return failFrom(error);
  }
}
