import { apiRoute } from '@/lib/api';
import { exportBillingKeys } from '@/lib/billing-keys/export';
import { filtersFromUrl } from '@/lib/billing-keys/list';
import { requestContext } from '@/lib/request-context';
import { csvDownloadHeaders } from '@/lib/csv';

/** CSV of every key the query's filter matches (sort kept, paging ignored), streamed; masked data only. */
export const GET = apiRoute('keys.view', async (request, _context, actor) => {
  const filters = filtersFromUrl(request.url);
  const { filename, stream } = await exportBillingKeys(filters, requestContext(request, actor));
  return new Response(stream, { headers: csvDownloadHeaders(filename) });
});
