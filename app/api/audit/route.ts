import { apiRoute, json } from '@/lib/api';
import { auditQueryFromUrl, listAuditTrail } from '@/lib/audit/query';

/**
 * The audit trail, newest first: `{ events, nextCursor, prevCursor }`, filtered by the query
 * (`action`, `result`, `actor`, `target`, `ip`, `from`, `to`, `cursor`, `limit`); 422 `invalid_query`.
 */
export const GET = apiRoute('audit.view', async (request) => {
  const query = auditQueryFromUrl(request.url);
  return json(await listAuditTrail(query));
});
