import 'server-only';
import { and, desc, eq, like, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CustomerAnnotation } from '@/lib/iamport/types';
import type { Db } from './client';
import { attemptFinishValues, type AttemptFinish } from './attempts';
import { auditEvents, billingKeyHistory, billingKeys, issueAttempts, type BillingKeyRow } from './schema';

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

/** `excluded.<column>` unless it is null, then the stored value. */
const keepStored = (column: AnyPgColumn) => sql`coalesce(excluded.${sql.identifier(column.name)}, ${column})`;

/**
 * A stored customer detail is never erased by a blank one: a replacement sent without the name or
 * phone (an empty form field) keeps what the row had; a new value replaces it.
 */
const keptCustomerColumns = {
  customerId: keepStored(billingKeys.customerId),
  customerName: keepStored(billingKeys.customerName),
  customerTel: keepStored(billingKeys.customerTel),
  customerEmail: keepStored(billingKeys.customerEmail),
  customerAddr: keepStored(billingKeys.customerAddr),
  customerPostcode: keepStored(billingKeys.customerPostcode),
};

export interface UpsertContext {
  appMode: 'sandbox' | 'live';
  channelKey: string | null;
  actorId: string | null;
}

/** Writes that go with recording a key, in the same statement: the attempt's outcome and the audit event. */
export interface RecordedAlong {
  attempt?: { id: string; finish: AttemptFinish };
  audit?: typeof auditEvents.$inferInsert;
}

/**
 * Records a key as Iamport returned it. A different card behind the same customer_uid moves the
 * previous one into the history first. Returns whether a stored key was replaced.
 *
 * One statement (data-modifying WITHs) does it all, with the attempt's outcome and the audit event
 * when given: every part is written or none is (an issued key whose record failed stays a pending
 * attempt, which recovery completes), and it costs the database a single round trip.
 */
export async function upsertIssuedKey(
  db: Db,
  annotation: CustomerAnnotation,
  context: UpsertContext,
  along: RecordedAlong = {},
): Promise<{ replacedStored: boolean }> {
  const columns = annotationColumns(annotation);
  const now = new Date();
  const uid = annotation.customer_uid;
  // The row as the statement found it (a plain read: FOR UPDATE would skip a row the upsert below
  // changes in the same statement); issuances of one uid are serialised by its lease.
  const previous = db.$with('previous').as(
    db
      .select({
        customerUid: billingKeys.customerUid,
        pgProvider: billingKeys.pgProvider,
        pgId: billingKeys.pgId,
        cardName: billingKeys.cardName,
        cardCode: billingKeys.cardCode,
        cardNumberMasked: billingKeys.cardNumberMasked,
        cardType: billingKeys.cardType,
        iamportInsertedAt: billingKeys.iamportInsertedAt,
        iamportUpdatedAt: billingKeys.iamportUpdatedAt,
      })
      .from(billingKeys)
      .where(eq(billingKeys.customerUid, uid)),
  );
  // The stored card moves to the history when Iamport's answer is a different issuance of the uid.
  const history = db.$with('history', { id: sql<number>`id` }).as(sql`
    insert into ${billingKeyHistory} (customer_uid, pg_provider, pg_id, card_name, card_code, card_number_masked,
      card_type, iamport_inserted_at, iamport_updated_at, replaced_at, replaced_by)
    select customer_uid, pg_provider, pg_id, card_name, card_code, card_number_masked, card_type,
      iamport_inserted_at, iamport_updated_at, ${now.toISOString()}::timestamptz, ${context.actorId}::text
    from ${previous}
    where iamport_updated_at <> ${columns.iamportUpdatedAt.toISOString()}::timestamptz
    returning id`);
  const finished = along.attempt
    ? db
        .$with('finished')
        .as(
          db
            .update(issueAttempts)
            .set(attemptFinishValues(along.attempt.finish))
            .where(eq(issueAttempts.id, along.attempt.id))
            .returning({ id: issueAttempts.id }),
        )
    : null;
  const audited = along.audit
    ? db.$with('audited').as(db.insert(auditEvents).values(along.audit).returning({ id: auditEvents.id }))
    : null;
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
  const [row] = await db
    .with(previous, history, ...(finished ? [finished] : []), ...(audited ? [audited] : []))
    .insert(billingKeys)
    .values({ customerUid: uid, issuedAt: now, issuedBy: context.actorId, ...values })
    .onConflictDoUpdate({
      target: billingKeys.customerUid,
      set: { ...values, ...keptCustomerColumns, issuedBy: context.actorId },
    })
    .returning({
      replacedStored: sql<number>`(select count(*) from ${history})::int`,
    });
  return { replacedStored: (row?.replacedStored ?? 0) > 0 };
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

/**
 * Active keys whose masked number shows this first 6 and last 4 (`51818500****3264`, KCP's
 * `5570420000007221`): the same card under other customer_uids. Through the last-4 index.
 */
export interface DuplicateCardMatch {
  customerUid: string;
  customerName: string | null;
  cardNumberMasked: string | null;
}

export async function activeKeysWithCard(
  db: Db,
  card: { bin6: string; last4: string; exceptUid?: string },
): Promise<DuplicateCardMatch[]> {
  const rows = await db
    .select({
      customerUid: billingKeys.customerUid,
      customerName: billingKeys.customerName,
      cardNumberMasked: billingKeys.cardNumberMasked,
    })
    .from(billingKeys)
    .where(
      and(
        eq(billingKeys.cardLast4, card.last4),
        eq(billingKeys.status, 'active'),
        like(billingKeys.cardNumberMasked, `${card.bin6}%`),
        card.exceptUid ? ne(billingKeys.customerUid, card.exceptUid) : undefined,
      ),
    )
    .orderBy(desc(billingKeys.issuedAt))
    .limit(10);
  return rows;
}
