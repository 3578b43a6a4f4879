import 'server-only';
import { cache } from 'react';
import { ReportMeta } from '@/lib/report/schema';
import { searchEngine } from '@/lib/search/client';
import { getReport } from '@/lib/search/query';

const ReportId = ReportMeta.shape.id;

/** One engine read per request, shared by the page and its metadata; a malformed id is no report. */
export const loadReport = cache(async (id: string) => (ReportId.safeParse(id).success ? getReport(searchEngine(), id) : null));
