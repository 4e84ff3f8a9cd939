import 'server-only';
import type { CardLinkRow, IssueAttemptRow } from '@/lib/db/schema';
import type { LinkAttemptView, LinkStatusView, LinkView } from '@/lib/model/links';
import type { CreateLinkInput } from '@/lib/validations/links';

/**
 * The customer fields the agent fills in for a link: the issuance field and the link's column. A
 * link stores them when it is made and hands them to the issuance when the customer submits.
 */
const CUSTOMER_COLUMNS = [
  ['customer_id', 'customerId'],
  ['customer_name', 'customerName'],
  ['customer_tel', 'customerTel'],
  ['customer_email', 'customerEmail'],
] as const satisfies readonly (readonly [keyof CreateLinkInput, keyof CardLinkRow])[];

type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number][1];
type CustomerField = (typeof CUSTOMER_COLUMNS)[number][0];

/** The agent's customer fields as the link stores them: a blank one is null. */
export function customerColumnsOf(input: CreateLinkInput): Record<CustomerColumn, string | null> {
  return Object.fromEntries(CUSTOMER_COLUMNS.map(([field, column]) => [column, input[field] || null])) as Record<
    CustomerColumn,
    string | null
  >;
}

/** The link's customer columns as issuance fields: a null one is left out. */
export function customerFieldsOf(row: CardLinkRow): Partial<Record<CustomerField, string>> {
  return Object.fromEntries(CUSTOMER_COLUMNS.map(([field, column]) => [field, row[column] ?? undefined]));
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** The status the screens show: an active link past its expiry is `expired`. */
export function linkStatus(row: Pick<CardLinkRow, 'status' | 'expiresAt'>, now = new Date()): LinkStatusView {
  if ((row.status === 'active' || row.status === 'issuing') && row.expiresAt.getTime() <= now.getTime()) {
    return 'expired';
  }
  return row.status;
}

export function toLinkView(row: CardLinkRow, createdByEmail: string | null, now = new Date()): LinkView {
  return {
    id: row.id,
    status: linkStatus(row, now),
    customerUid: row.customerUid,
    pg: row.pg,
    channelKey: row.channelKey,
    testChannel: row.testChannel,
    appMode: row.appMode,
    replaceConfirmed: row.replaceConfirmed,
    customerName: row.customerName,
    customerTel: row.customerTel,
    customerEmail: row.customerEmail,
    createdBy: row.createdBy,
    createdByEmail,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    openedAt: iso(row.openedAt),
    usedAt: iso(row.usedAt),
    revokedAt: iso(row.revokedAt),
    lockedAt: iso(row.lockedAt),
    failedAttempts: row.failedAttempts,
    deliveries: row.deliveries,
  };
}

export function toLinkAttemptView(row: IssueAttemptRow): LinkAttemptView {
  return {
    id: row.id,
    outcome: row.outcome,
    startedAt: row.startedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    errorMessage: row.errorMessage,
    iamportMessage: row.iamportMessage,
    pgCode: row.pgCode,
  };
}
