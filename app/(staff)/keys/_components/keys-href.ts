import { filtersToSearchParams, type BillingKeyFilters } from '@/lib/validations/billing-key-filters';

/** `/keys` with the view's filters (defaults left out), `changes` applied. */
export function keysHref(filters: BillingKeyFilters, changes: Partial<BillingKeyFilters> = {}): string {
  const query = filtersToSearchParams(filters, changes).toString();
  return query ? `/keys?${query}` : '/keys';
}

/** The CSV export of the same filter and sort; paging does not apply to an export. */
export function exportHref(filters: BillingKeyFilters): string {
  const query = filtersToSearchParams(filters, { page: 1 }).toString();
  return query ? `/api/exports/billing-keys?${query}` : '/api/exports/billing-keys';
}
