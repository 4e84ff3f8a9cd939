import { pgProviderInfo, requiredFieldsFor, type PerPgField } from '@/lib/gateways/catalog';
import type { FormValues } from './form-values';

/** What the chosen PG requires, and why, for marking and explaining fields (any other field: never required). */
export function perPgRules(provider: string | undefined) {
  const info = pgProviderInfo(provider);
  const required = new Set<keyof FormValues>(requiredFieldsFor(provider));
  const isRequired = (field: keyof FormValues) => required.has(field);
  return {
    isRequired,
    // Only a PerPgField is ever in `required`, so the cast names what the check proved.
    reason: (field: keyof FormValues) => (isRequired(field) ? info?.reasons?.[field as PerPgField] : undefined),
  };
}
