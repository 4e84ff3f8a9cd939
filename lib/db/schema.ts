import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The app's tables. No column may hold card data: only the masked number Iamport returns is kept
 * (DESIGN.md, Data). Timestamps are timestamptz.
 */
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per customer_uid, as Iamport last returned it, plus who issued it and its status. */
export const billingKeys = pgTable(
  'billing_keys',
  {
    customerUid: text('customer_uid').primaryKey(),
    pgProvider: text('pg_provider').notNull(),
    pgId: text('pg_id').notNull(),
    /** Issued on a test channel, as Iamport says (null when the response lacks the field). */
    sandbox: boolean('sandbox'),
    /** The app's mode when it issued: sandbox simulator or live Iamport. */
    appMode: text('app_mode', { enum: ['sandbox', 'live'] }).notNull(),
    cardName: text('card_name'),
    cardCode: text('card_code'),
    cardNumberMasked: text('card_number_masked'),
    /** Last four digits when the PG's mask shows them; for search only. */
    cardLast4: text('card_last4'),
    cardType: smallint('card_type'),
    cardIssuerCode: text('card_issuer_code'),
    cardIssuerName: text('card_issuer_name'),
    cardPublisherCode: text('card_publisher_code'),
    cardPublisherName: text('card_publisher_name'),
    customerId: text('customer_id'),
    customerName: text('customer_name'),
    customerTel: text('customer_tel'),
    customerEmail: text('customer_email'),
    customerAddr: text('customer_addr'),
    customerPostcode: text('customer_postcode'),
    channelKey: text('channel_key'),
    /** Iamport's `inserted` / `updated`. */
    iamportInsertedAt: tstz('iamport_inserted_at').notNull(),
    iamportUpdatedAt: tstz('iamport_updated_at').notNull(),
    /** When the app first recorded / last changed the row. */
    issuedAt: tstz('issued_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    issuedBy: text('issued_by'),
    status: text('status', { enum: ['active', 'deleted'] }).notNull().default('active'),
    deletedAt: tstz('deleted_at'),
    deletedBy: text('deleted_by'),
    deleteReason: text('delete_reason'),
    /** Result of the last comparison with Iamport (reconcile or detail page). */
    liveState: text('live_state', { enum: ['unchecked', 'same', 'changed', 'missing'] })
      .notNull()
      .default('unchecked'),
    liveCheckedAt: tstz('live_checked_at'),
    /** Set by a reviewer who marked a reconcile finding as seen. */
    liveStateAcknowledgedAt: tstz('live_state_acknowledged_at'),
    liveStateAcknowledgedBy: text('live_state_acknowledged_by'),
  },
  (table) => [
    index('billing_keys_issued_at_idx').on(table.issuedAt.desc(), table.customerUid),
    index('billing_keys_updated_at_idx').on(table.updatedAt.desc(), table.customerUid),
    index('billing_keys_pg_idx').on(table.pgProvider, table.pgId, table.issuedAt.desc()),
    index('billing_keys_card_code_idx').on(table.cardCode, table.issuedAt.desc()),
    index('billing_keys_status_idx').on(table.status, table.issuedAt.desc()),
    index('billing_keys_issued_by_idx').on(table.issuedBy, table.issuedAt.desc()),
    index('billing_keys_last4_idx').on(table.cardLast4),
    index('billing_keys_live_state_idx').on(table.liveState),
    index('billing_keys_uid_trgm_idx').using('gin', sql`${table.customerUid} gin_trgm_ops`),
    index('billing_keys_name_trgm_idx').using('gin', sql`${table.customerName} gin_trgm_ops`),
    index('billing_keys_tel_trgm_idx').using('gin', sql`${table.customerTel} gin_trgm_ops`),
    index('billing_keys_email_trgm_idx').using('gin', sql`${table.customerEmail} gin_trgm_ops`),
  ],
);

/** What a customer_uid held before each replacement. */
export const billingKeyHistory = pgTable(
  'billing_key_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    customerUid: text('customer_uid').notNull(),
    pgProvider: text('pg_provider').notNull(),
    pgId: text('pg_id').notNull(),
    cardName: text('card_name'),
    cardCode: text('card_code'),
    cardNumberMasked: text('card_number_masked'),
    cardType: smallint('card_type'),
    iamportInsertedAt: tstz('iamport_inserted_at').notNull(),
    iamportUpdatedAt: tstz('iamport_updated_at').notNull(),
    replacedAt: tstz('replaced_at').notNull().defaultNow(),
    replacedBy: text('replaced_by'),
  },
  (table) => [index('billing_key_history_uid_idx').on(table.customerUid, table.replacedAt.desc())],
);

/** Every issuance attempt; written before the call to Iamport and completed after it. */
export const issueAttempts = pgTable(
  'issue_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerUid: text('customer_uid').notNull(),
    requestedPg: text('requested_pg'),
    channelKey: text('channel_key'),
    /** The provider the request was meant for (from `pg`), or the one Iamport answered with. */
    pgProvider: text('pg_provider'),
    pgId: text('pg_id'),
    appMode: text('app_mode', { enum: ['sandbox', 'live'] }).notNull(),
    outcome: text('outcome', { enum: ['pending', 'issued', 'rejected', 'unknown', 'failed'] })
      .notNull()
      .default('pending'),
    /** The app's error code when not issued (card_rejected, upstream_unavailable, ...). */
    errorCode: text('error_code'),
    /** The message the agent was shown, so a retried request with the same idempotency key gets it again. */
    errorMessage: text('error_message'),
    iamportCode: integer('iamport_code'),
    iamportMessage: text('iamport_message'),
    pgCode: text('pg_code'),
    replaced: boolean('replaced'),
    durationMs: integer('duration_ms'),
    actorId: text('actor_id'),
    idempotencyKey: text('idempotency_key'),
    startedAt: tstz('started_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
  },
  (table) => [
    index('issue_attempts_started_idx').on(table.startedAt.desc(), table.id),
    index('issue_attempts_uid_idx').on(table.customerUid, table.startedAt.desc()),
    index('issue_attempts_outcome_idx').on(table.outcome, table.startedAt.desc()),
    index('issue_attempts_pg_idx').on(table.pgProvider, table.startedAt.desc()),
    index('issue_attempts_pg_code_idx').on(table.pgCode, table.startedAt.desc()),
    index('issue_attempts_actor_idx').on(table.actorId, table.startedAt.desc()),
    uniqueIndex('issue_attempts_idempotency_idx').on(table.idempotencyKey),
  ],
);

/**
 * A lease that serialises issuances per customer_uid across app instances: taken before the
 * replacement check, released after the outcome is recorded, and expiring if its holder dies.
 */
export const issueLocks = pgTable('issue_locks', {
  customerUid: text('customer_uid').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: tstz('expires_at').notNull(),
});

/** Who did what to which target, when, from where, and how it ended. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull().defaultNow(),
    actorId: text('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    result: text('result', { enum: ['success', 'failure', 'denied'] }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (table) => [
    index('audit_events_at_idx').on(table.at.desc(), table.id),
    index('audit_events_target_idx').on(table.targetType, table.targetId, table.at.desc()),
    index('audit_events_actor_idx').on(table.actorId, table.at.desc()),
    index('audit_events_action_idx').on(table.action, table.at.desc()),
  ],
);

/** State of the in-app sandbox ("at Iamport"), so a restart doesn't make every key vanish. */
export const sandboxKeys = pgTable('sandbox_keys', {
  key: text('key').primaryKey(),
  annotation: jsonb('annotation').notNull().$type<Record<string, unknown>>(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

export type BillingKeyRow = typeof billingKeys.$inferSelect;
export type NewBillingKeyRow = typeof billingKeys.$inferInsert;
export type IssueAttemptRow = typeof issueAttempts.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
