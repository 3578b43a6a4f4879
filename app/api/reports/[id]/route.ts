import { ReportMeta } from '@/lib/report/schema';
import { searchEngine } from '@/lib/search/client';
import { getReport } from '@/lib/search/query';
import { fail, failFrom, ok } from '../../_lib/respond';

/** GET /api/reports/<id>: the parsed report (the ParsedReport contract of lib/report/schema). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  try {
    if (!ReportMeta.shape.id.safeParse(id).success) return fail(400, '参数 id 无效：应为报告编号（字母、数字、.、_、-）');
    const report = await getReport(searchEngine(), id);
    return report ? ok({ report }) : fail(404, `没有编号为 ${id} 的报告`);
  } catch (error) {
    return failFrom(error);
  }
}
