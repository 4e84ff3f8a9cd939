import 'server-only';
import { databaseUnavailable } from '@/lib/db';
import { findStoredKey } from '@/lib/db/billing-keys';
import { IamportNotFoundError } from '@/lib/iamport';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { toAppError } from '@/lib/iamport/app-errors';
import { storedToView, toBillingKeyView } from './mapping';
import type { CurrentKey } from '@/lib/model/billing-keys';

/**
 * The active key behind a customer_uid, from the database or else from Iamport, so a replacement
 * is never silent. Null when neither has one. `storedOnly` skips Iamport: a signed look-up already
 * found nothing there.
 */
export const findCurrentKey = defineUseCase(
  async (customerUid: string, deps: Resolved<{ storedOnly?: boolean }>): Promise<CurrentKey | null> => {
    let stored;
    try {
      stored = await findStoredKey(deps.db, customerUid);
    } catch (error) {
      throw databaseUnavailable(error);
    }
    if (stored?.status === 'active') return { billingKey: storedToView(stored), source: 'stored' };
    if (deps.storedOnly) return null;
    try {
      const live = await deps.runtime.client.getBillingKey(customerUid);
      return { billingKey: toBillingKeyView(live), source: 'iamport' };
    } catch (error) {
      if (error instanceof IamportNotFoundError) return null;
      throw toAppError(error, 'read');
    }
  },
);
