import 'server-only';
import type { BillingKeyRow, IssueAttemptRow } from '@/lib/db/schema';
import { billingKeys, type billingKeyHistory } from '@/lib/db/schema';
import { annotationColumns } from '@/lib/db/billing-keys';
import type { CustomerAnnotation } from '@/lib/iamport/types';
import type {
  AttemptView,
  BillingKeyListRow,
  BillingKeyView,
  CardType,
  KeyFact,
  KeyHistoryView,
  StoredBillingKeyView,
} from '@/lib/model/billing-keys';

/**
 * The read model of a billing key, the one place a key (live from Iamport, or stored) becomes what
 * the API answers: the live view, the stored view, the list row, the history entry, the attempt.
 * The CSV export reads the list's columns (`LIST_COLUMNS`) and the same card type.
 */

type HistoryRow = typeof billingKeyHistory.$inferSelect;

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Iamport's `card_type` (0 credit, 1 check, sometimes as a string in old answers) or the stored one. */
export function cardTypeOf(value: unknown): CardType {
  if (value === 0 || value === '0') return 'credit';
  if (value === 1 || value === '1') return 'check';
  return 'unknown';
}

/** The named fields of a row as they are, copied one by one: a view never takes a whole row. */
function fieldsOf<Row, Name extends keyof Row>(row: Row, names: readonly Name[]): Pick<Row, Name> {
  const fields = {} as Pick<Row, Name>;
  for (const name of names) fields[name] = row[name];
  return fields;
}

/** What a key is and whose it is: the fields every view of a key shares. */
function keyFacts(row: Pick<BillingKeyRow, KeyFact>): Pick<BillingKeyView, KeyFact> {
  return {
    ...fieldsOf(row, ['customerUid', 'pgProvider', 'pgId', 'sandbox', 'cardName', 'cardCode', 'cardNumberMasked']),
    cardType: cardTypeOf(row.cardType),
    ...fieldsOf(row, ['customerName', 'customerTel', 'customerEmail']),
  };
}

type KeyColumns = Pick<
  BillingKeyRow,
  KeyFact | 'customerId' | 'customerAddr' | 'customerPostcode' | 'iamportInsertedAt' | 'iamportUpdatedAt'
>;

/** A stored row in the same shape as a live key, so both render with one card component. */
export function storedToView(row: KeyColumns): BillingKeyView {
  return {
    ...keyFacts(row),
    ...fieldsOf(row, ['customerId', 'customerAddr', 'customerPostcode']),
    insertedAt: row.iamportInsertedAt.toISOString(),
    updatedAt: row.iamportUpdatedAt.toISOString(),
  };
}

/**
 * A key as Iamport returns it, read through the same columns the console stores (`annotationColumns`):
 * its fields are whitelisted, so anything unknown Iamport adds is dropped, not echoed.
 */
export function toBillingKeyView(annotation: CustomerAnnotation): BillingKeyView {
  return storedToView({ customerUid: annotation.customer_uid, ...annotationColumns(annotation) });
}

/** A billing_keys row for the API: the live-shaped view plus what only the console records. */
export function toStoredView(row: BillingKeyRow): StoredBillingKeyView {
  return {
    ...storedToView(row),
    ...fieldsOf(row, ['appMode', 'channelKey', 'cardIssuerName', 'cardPublisherName']),
    issuedAt: row.issuedAt.toISOString(),
    issuedBy: row.issuedBy,
    status: row.status,
    deletedAt: iso(row.deletedAt),
    deletedBy: row.deletedBy,
    deleteReason: row.deleteReason,
    liveState: row.liveState,
    liveCheckedAt: iso(row.liveCheckedAt),
    liveStateAcknowledgedAt: iso(row.liveStateAcknowledgedAt),
    liveStateAcknowledgedBy: row.liveStateAcknowledgedBy,
  };
}

const t = billingKeys;

/**
 * Columns of a list row (and, with its times as KST text, of an export row), selected by name so no
 * other column, and never a new one by accident, leaves the table.
 */
export const LIST_COLUMNS = {
  customerUid: t.customerUid,
  pgProvider: t.pgProvider,
  pgId: t.pgId,
  sandbox: t.sandbox,
  cardName: t.cardName,
  cardCode: t.cardCode,
  cardNumberMasked: t.cardNumberMasked,
  cardType: t.cardType,
  customerName: t.customerName,
  customerTel: t.customerTel,
  customerEmail: t.customerEmail,
  issuedAt: t.issuedAt,
  updatedAt: t.updatedAt,
  issuedBy: t.issuedBy,
  status: t.status,
  deletedAt: t.deletedAt,
  deletedBy: t.deletedBy,
  deleteReason: t.deleteReason,
};

export type SelectedListRow = Pick<BillingKeyRow, keyof typeof LIST_COLUMNS>;

const isoOf = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

/** The row view; picks its fields one by one so an extra selected column (a cursor) never leaks into it. */
export function toListRow(row: SelectedListRow): BillingKeyListRow {
  return {
    ...keyFacts(row),
    issuedAt: isoOf(row.issuedAt),
    updatedAt: isoOf(row.updatedAt),
    issuedBy: row.issuedBy,
    issuedByEmail: null,
    status: row.status,
    deletedAt: row.deletedAt ? isoOf(row.deletedAt) : null,
    deletedBy: row.deletedBy,
    deleteReason: row.deleteReason,
  };
}

export function toHistoryView(row: HistoryRow): KeyHistoryView {
  return {
    id: row.id,
    pgProvider: row.pgProvider,
    pgId: row.pgId,
    cardName: row.cardName,
    cardCode: row.cardCode,
    cardNumberMasked: row.cardNumberMasked,
    cardType: cardTypeOf(row.cardType),
    insertedAt: row.iamportInsertedAt.toISOString(),
    updatedAt: row.iamportUpdatedAt.toISOString(),
    replacedAt: row.replacedAt.toISOString(),
    replacedBy: row.replacedBy,
    replacedByEmail: null,
  };
}

/** `nice.MID1` → `MID1`; null for a bare provider. */
function midOf(requestedPg: string | null): string | null {
  const dot = requestedPg?.indexOf('.') ?? -1;
  return requestedPg && dot > 0 && dot < requestedPg.length - 1 ? requestedPg.slice(dot + 1) : null;
}

export function toAttemptView(row: IssueAttemptRow): AttemptView {
  return {
    id: row.id,
    customerUid: row.customerUid,
    requestedPg: row.requestedPg,
    pgProvider: row.pgProvider,
    pgId: row.pgId ?? midOf(row.requestedPg),
    appMode: row.appMode,
    outcome: row.outcome,
    errorCode: row.errorCode,
    iamportCode: row.iamportCode,
    iamportMessage: row.iamportMessage,
    pgCode: row.pgCode,
    replaced: row.replaced,
    durationMs: row.durationMs,
    actorId: row.actorId,
    startedAt: row.startedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
  };
}
