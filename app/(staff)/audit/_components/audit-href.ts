import { auditSearchParams, type AuditFilters } from '@/lib/validations/audit';

/** `/audit` with the view's filter, page size and (optionally) a page cursor. */
export function auditHref(filters: AuditFilters, page: { limit?: number; cursor?: string | null } = {}): string {
  const query = auditSearchParams(filters, page).toString();
  return query ? `/audit?${query}` : '/audit';
}

/** The CSV export of the same filter; paging does not apply to an export. */
export function auditExportHref(filters: AuditFilters): string {
  const query = auditSearchParams(filters).toString();
  return query ? `/api/exports/audit?${query}` : '/api/exports/audit';
}
