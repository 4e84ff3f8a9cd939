import { apiRoute } from '@/lib/api';
import { exportAuditEvents } from '@/lib/audit/export';
import { auditQueryFromUrl } from '@/lib/audit/query';
import { csvDownloadHeaders } from '@/lib/csv';
import { auditFiltersOf } from '@/lib/validations/audit';
import { requestContext } from '@/lib/request-context';

/** CSV of every audit event the query's filter matches (paging ignored), streamed; recorded as `audit.export`. */
export const GET = apiRoute('audit.view', async (request, _context, actor) => {
  const filters = auditFiltersOf(auditQueryFromUrl(request.url));
  const { filename, stream } = await exportAuditEvents(filters, requestContext(request, actor));
  return new Response(stream, { headers: csvDownloadHeaders(filename) });
});
