import 'server-only';
import { can } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/model/staff';
import type { BillingKeyDetail } from '@/lib/model/billing-keys';

/** Agents see their own attempts only; everyone else with `attempts.view` sees all. */
export const seesAllAttempts = (actor: Actor) => can(actor.role, 'attempts.view');

/**
 * What a role may see of a key's detail: agents (keys by exact customer_uid) get the key and their
 * own attempts, not the audit trail or other staff's attempts.
 */
export function scopeDetailTo(actor: Actor, detail: BillingKeyDetail): BillingKeyDetail {
  if (can(actor.role, 'keys.view')) return detail;
  return {
    ...detail,
    attempts: detail.attempts.filter((attempt) => attempt.actorId === actor.id),
    audit: [],
  };
}
