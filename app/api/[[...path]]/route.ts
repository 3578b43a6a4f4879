import { fail } from '../_lib/respond';

/** `/api` itself and any other /api path: the API's 404, in its own shape rather than the HTML page. */
export function GET(): Response {
  return fail(404, '没有这个接口：可用的是 /api/search、/api/reports/<id>、/api/compare 和 /api/export');
}
