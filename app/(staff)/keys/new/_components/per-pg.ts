import { pgProviderInfo, requiredFieldsFor, type PerPgField } from '@/lib/gateways/catalog';

/** What the chosen PG requires, and why, for marking and explaining fields. */
export function perPgRules(provider: string | undefined) {
  const info = pgProviderInfo(provider);
  const required = new Set<PerPgField>(requiredFieldsFor(provider));
  return {
    isRequired: (field: PerPgField) => required.has(field),
    reason: (field: PerPgField) => (required.has(field) ? info?.reasons?.[field] : undefined),
  };
}
