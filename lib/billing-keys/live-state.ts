import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { annotationColumns, setLiveState } from '@/lib/db/billing-keys';
import { billingKeys, type BillingKeyRow } from '@/lib/db/schema';
import type { CustomerAnnotation } from '@/lib/iamport';
import type { ComparedField } from '@/lib/model/billing-keys';

export type LiveState = 'same' | 'changed' | 'missing';

const COMPARED: readonly [ComparedField, (row: Pick<BillingKeyRow, ComparedColumn>) => unknown][] = [
  ['pgProvider', (row) => row.pgProvider],
  ['pgId', (row) => row.pgId],
  ['cardName', (row) => row.cardName],
  ['cardCode', (row) => row.cardCode],
  ['cardNumberMasked', (row) => row.cardNumberMasked],
  ['cardType', (row) => row.cardType],
  ['insertedAt', (row) => row.iamportInsertedAt.getTime()],
  ['updatedAt', (row) => row.iamportUpdatedAt.getTime()],
];

type ComparedColumn =
  | 'pgProvider'
  | 'pgId'
  | 'cardName'
  | 'cardCode'
  | 'cardNumberMasked'
  | 'cardType'
  | 'iamportInsertedAt'
  | 'iamportUpdatedAt';

/**
 * Fields where Iamport's key differs from the stored one. A card replaced elsewhere moves `updated`
 * and usually the masked number and card code; a key deleted and issued again moves `inserted` too.
 */
export function compareWithLive(
  stored: Pick<BillingKeyRow, ComparedColumn>,
  live: CustomerAnnotation,
): ComparedField[] {
  const columns = annotationColumns(live);
  return COMPARED.filter(([, read]) => read(stored) !== read(columns)).map(([field]) => field);
}

/** What the comparison says about a stored key, or null when Iamport gave no usable answer. */
export function liveStateOf(
  stored: Pick<BillingKeyRow, 'status'>,
  live: 'missing' | { differences: readonly ComparedField[] },
): LiveState {
  if (live === 'missing') return stored.status === 'active' ? 'missing' : 'same';
  return stored.status === 'deleted' || live.differences.length > 0 ? 'changed' : 'same';
}

/**
 * Records the comparison. A state different from the last one is a new finding: a reviewer's
 * earlier "확인함" was about the old one, so it is cleared.
 */
export async function recordLiveState(
  db: Db,
  stored: Pick<BillingKeyRow, 'customerUid' | 'liveState' | 'liveStateAcknowledgedAt'>,
  next: LiveState,
  at: Date = new Date(),
): Promise<void> {
  await setLiveState(db, stored.customerUid, next, at);
  if (stored.liveState !== next && stored.liveStateAcknowledgedAt !== null) {
    await db
      .update(billingKeys)
      .set({ liveStateAcknowledgedAt: null, liveStateAcknowledgedBy: null })
      .where(eq(billingKeys.customerUid, stored.customerUid));
  }
}
