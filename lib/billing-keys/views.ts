import 'server-only';
import type { AuditEventRow, BillingKeyRow, IssueAttemptRow } from '@/lib/db/schema';
import type { billingKeyHistory } from '@/lib/db/schema';
import type {
  AttemptView,
  AuditEventView,
  BillingKeyView,
  KeyHistoryView,
  StoredBillingKeyView,
} from '@/lib/model/billing-keys';

type HistoryRow = typeof billingKeyHistory.$inferSelect;

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function cardTypeView(value: number | null): BillingKeyView['cardType'] {
  return value === 0 ? 'credit' : value === 1 ? 'check' : 'unknown';
}

/** A billing_keys row for the API; only masked card data exists in it to begin with. */
export function toStoredView(row: BillingKeyRow): StoredBillingKeyView {
  return {
    customerUid: row.customerUid,
    pgProvider: row.pgProvider,
    pgId: row.pgId,
    sandbox: row.sandbox,
    cardName: row.cardName,
    cardCode: row.cardCode,
    cardNumberMasked: row.cardNumberMasked,
    cardType: cardTypeView(row.cardType),
    customerId: row.customerId,
    customerName: row.customerName,
    customerTel: row.customerTel,
    customerEmail: row.customerEmail,
    customerAddr: row.customerAddr,
    customerPostcode: row.customerPostcode,
    insertedAt: row.iamportInsertedAt.toISOString(),
    updatedAt: row.iamportUpdatedAt.toISOString(),
    appMode: row.appMode,
    channelKey: row.channelKey,
    cardIssuerName: row.cardIssuerName,
    cardPublisherName: row.cardPublisherName,
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

export function toHistoryView(row: HistoryRow): KeyHistoryView {
  return {
    id: row.id,
    pgProvider: row.pgProvider,
    pgId: row.pgId,
    cardName: row.cardName,
    cardCode: row.cardCode,
    cardNumberMasked: row.cardNumberMasked,
    cardType: cardTypeView(row.cardType),
    insertedAt: row.iamportInsertedAt.toISOString(),
    updatedAt: row.iamportUpdatedAt.toISOString(),
    replacedAt: row.replacedAt.toISOString(),
    replacedBy: row.replacedBy,
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

export function toAuditView(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    result: row.result,
    ip: row.ip,
    details: row.details ?? null,
  };
}
