import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { CustomerAnnotation } from '@/lib/iamport/types';
import type { Db } from './client';
import { billingKeyHistory, billingKeys, type BillingKeyRow } from './schema';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const fromUnix = (seconds: number) => new Date(seconds * 1000);

function cardTypeOf(value: unknown): number | null {
  if (value === 0 || value === '0') return 0;
  if (value === 1 || value === '1') return 1;
  return null;
}

/** Last four digits when the PG's mask shows them (`52728927****2305` → `2305`; `…230*` → null). */
export function last4Of(masked: string | null): string | null {
  const match = masked ? /(\d{4})$/.exec(masked) : null;
  return match?.[1] ?? null;
}

/** Iamport's annotation → the row's card and customer columns (masked data only). */
export function annotationColumns(annotation: CustomerAnnotation) {
  const masked = text(annotation.card_number);
  return {
    pgProvider: annotation.pg_provider,
    pgId: annotation.pg_id,
    sandbox: typeof annotation.sandbox === 'boolean' ? annotation.sandbox : null,
    cardName: text(annotation.card_name),
    cardCode: text(annotation.card_code),
    cardNumberMasked: masked,
    cardLast4: last4Of(masked),
    cardType: cardTypeOf(annotation.card_type),
    cardIssuerCode: text(annotation.card_issuer_code),
    cardIssuerName: text(annotation.card_issuer_name),
    cardPublisherCode: text(annotation.card_publisher_code),
    cardPublisherName: text(annotation.card_publisher_name),
    customerId: text(annotation.customer_id),
    customerName: text(annotation.customer_name),
    customerTel: text(annotation.customer_tel),
    customerEmail: text(annotation.customer_email),
    customerAddr: text(annotation.customer_addr),
    customerPostcode: text(annotation.customer_postcode),
    iamportInsertedAt: fromUnix(annotation.inserted),
    iamportUpdatedAt: fromUnix(annotation.updated),
  };
}

export interface UpsertContext {
  appMode: 'sandbox' | 'live';
  channelKey: string | null;
  actorId: string | null;
}

/**
 * Records a key as Iamport returned it. A different card behind the same customer_uid moves the
 * previous one into the history first. Returns whether a stored key was replaced.
 */
export async function upsertIssuedKey(
  db: Db,
  annotation: CustomerAnnotation,
  context: UpsertContext,
): Promise<{ replacedStored: boolean }> {
  const columns = annotationColumns(annotation);
  const now = new Date();
  return db.transaction(async (tx) => {
    const [previous] = await tx
      .select()
      .from(billingKeys)
      .where(eq(billingKeys.customerUid, annotation.customer_uid))
      .for('update');
    const replacedStored =
      previous !== undefined && previous.iamportUpdatedAt.getTime() !== columns.iamportUpdatedAt.getTime();
    if (previous && replacedStored) {
      await tx.insert(billingKeyHistory).values({
        customerUid: previous.customerUid,
        pgProvider: previous.pgProvider,
        pgId: previous.pgId,
        cardName: previous.cardName,
        cardCode: previous.cardCode,
        cardNumberMasked: previous.cardNumberMasked,
        cardType: previous.cardType,
        iamportInsertedAt: previous.iamportInsertedAt,
        iamportUpdatedAt: previous.iamportUpdatedAt,
        replacedAt: now,
        replacedBy: context.actorId,
      });
    }
    const values = {
      ...columns,
      appMode: context.appMode,
      channelKey: context.channelKey,
      updatedAt: now,
      status: 'active' as const,
      deletedAt: null,
      deletedBy: null,
      deleteReason: null,
      liveState: 'same' as const,
      liveCheckedAt: now,
      liveStateAcknowledgedAt: null,
      liveStateAcknowledgedBy: null,
    };
    await tx
      .insert(billingKeys)
      .values({ customerUid: annotation.customer_uid, issuedAt: now, issuedBy: context.actorId, ...values })
      .onConflictDoUpdate({ target: billingKeys.customerUid, set: { ...values, issuedBy: context.actorId } });
    return { replacedStored };
  });
}

export async function findStoredKey(db: Db, customerUid: string): Promise<BillingKeyRow | undefined> {
  const [row] = await db.select().from(billingKeys).where(eq(billingKeys.customerUid, customerUid));
  return row;
}

export async function keyHistory(db: Db, customerUid: string) {
  return db
    .select()
    .from(billingKeyHistory)
    .where(eq(billingKeyHistory.customerUid, customerUid))
    .orderBy(desc(billingKeyHistory.replacedAt));
}

export async function markKeyDeleted(
  db: Db,
  customerUid: string,
  deletion: { by: string | null; reason: string; at?: Date },
): Promise<void> {
  const at = deletion.at ?? new Date();
  await db
    .update(billingKeys)
    .set({ status: 'deleted', deletedAt: at, deletedBy: deletion.by, deleteReason: deletion.reason, updatedAt: at })
    .where(eq(billingKeys.customerUid, customerUid));
}

export async function setLiveState(
  db: Db,
  customerUid: string,
  liveState: 'same' | 'changed' | 'missing',
  at: Date = new Date(),
): Promise<void> {
  await db.update(billingKeys).set({ liveState, liveCheckedAt: at }).where(eq(billingKeys.customerUid, customerUid));
}
