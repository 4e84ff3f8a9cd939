import { relations, sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
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
import { ROLES } from '@/lib/validations/auth';
import type { QaCell, QaChannelSnapshot, QaCleanup } from '@/lib/model/qa';
import type { QaScenario } from '../validations/qa';

/**
 * The app's tables. No column may hold card data: only the masked number Iamport returns is kept
 * (docs/design.md, "What is stored, and what never is"). Timestamps are timestamptz.
 */
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `created_at` and `updated_at`, both set on insert. */
const createdAndUpdatedAt = () => ({
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** An issuance as Iamport returned it: what a key holds, and what its history keeps of a replaced one. */
const issuance = () => ({
  pgProvider: text('pg_provider').notNull(),
  pgId: text('pg_id').notNull(),
  cardName: text('card_name'),
  cardCode: text('card_code'),
  cardNumberMasked: text('card_number_masked'),
  cardType: smallint('card_type'),
  /** Iamport's `inserted` / `updated`. */
  iamportInsertedAt: tstz('iamport_inserted_at').notNull(),
  iamportUpdatedAt: tstz('iamport_updated_at').notNull(),
});

/** A random uuid primary key. */
const uuidId = () => uuid('id').primaryKey().defaultRandom();

/** The app's mode at the time: sandbox simulator or live Iamport. */
const appMode = () => text('app_mode', { enum: ['sandbox', 'live'] }).notNull();

/** The customer as the agent typed them: on a card-registration link, then on the key it issues. */
const customerContact = () => ({
  customerId: text('customer_id'),
  customerName: text('customer_name'),
  customerTel: text('customer_tel'),
  customerEmail: text('customer_email'),
});

/** A row of an append-only log: a serial id and when it happened. */
const logEntry = () => ({
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: tstz('at').notNull().defaultNow(),
});

/** The staff account a better-auth row belongs to, gone with the account. */
const staffUserId = () =>
  text('user_id')
    .notNull()
    .references(() => authUsers.id, { onDelete: 'cascade' });

/** One row per customer_uid, as Iamport last returned it, plus who issued it and its status. */
export const billingKeys = pgTable(
  'billing_keys',
  {
    customerUid: text('customer_uid').primaryKey(),
    ...issuance(),
    /** Issued on a test channel, as Iamport says (null when the response lacks the field). */
    sandbox: boolean('sandbox'),
    /** The app's mode when it issued: sandbox simulator or live Iamport. */
    appMode: appMode(),
    /** Last four digits when the PG's mask shows them; for search only. */
    cardLast4: text('card_last4'),
    cardIssuerCode: text('card_issuer_code'),
    cardIssuerName: text('card_issuer_name'),
    cardPublisherCode: text('card_publisher_code'),
    cardPublisherName: text('card_publisher_name'),
    ...customerContact(),
    customerAddr: text('customer_addr'),
    customerPostcode: text('customer_postcode'),
    channelKey: text('channel_key'),
    /** When the app first recorded / last changed the row. */
    issuedAt: tstz('issued_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    issuedBy: text('issued_by'),
    status: text('status', { enum: ['active', 'deleted'] })
      .notNull()
      .default('active'),
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
    // Sorting the list by name or card company, both directions, as list.ts spells ORDER BY.
    index('billing_keys_customer_name_idx').on(table.customerName.asc().nullsLast(), table.customerUid),
    index('billing_keys_customer_name_desc_idx').on(table.customerName.desc().nullsLast(), table.customerUid.desc()),
    index('billing_keys_card_name_idx').on(table.cardName.asc().nullsLast(), table.customerUid),
    index('billing_keys_card_name_desc_idx').on(table.cardName.desc().nullsLast(), table.customerUid.desc()),
    index('billing_keys_live_state_idx').on(table.liveState),
    index('billing_keys_uid_trgm_idx').using('gin', sql`${table.customerUid} gin_trgm_ops`),
    index('billing_keys_name_trgm_idx').using('gin', sql`${table.customerName} gin_trgm_ops`),
    index('billing_keys_customer_id_trgm_idx').using('gin', sql`${table.customerId} gin_trgm_ops`),
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
    ...issuance(),
    replacedAt: tstz('replaced_at').notNull().defaultNow(),
    replacedBy: text('replaced_by'),
  },
  (table) => [index('billing_key_history_uid_idx').on(table.customerUid, table.replacedAt.desc())],
);

/** Every issuance attempt; written before the call to Iamport and completed after it. */
export const issueAttempts = pgTable(
  'issue_attempts',
  {
    id: uuidId(),
    customerUid: text('customer_uid').notNull(),
    requestedPg: text('requested_pg'),
    channelKey: text('channel_key'),
    /** The provider the request was meant for (from `pg`), or the one Iamport answered with. */
    pgProvider: text('pg_provider'),
    pgId: text('pg_id'),
    appMode: appMode(),
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
    /** `customer` when the customer typed the card on a card-registration link; null: the agent did. */
    enteredBy: text('entered_by', { enum: ['customer'] }),
    /** The card-registration link the customer used (card_links.id). */
    linkId: uuid('link_id'),
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
    index('issue_attempts_link_idx').on(table.linkId, table.startedAt),
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
    ...logEntry(),
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
    index('audit_events_at_idx').on(table.at.desc(), table.id.desc()),
    index('audit_events_target_id_idx').on(table.targetId, table.at.desc()),
    index('audit_events_ip_idx').on(table.ip, table.at.desc()),
    index('audit_events_actor_email_trgm_idx').using('gin', sql`${table.actorEmail} gin_trgm_ops`),
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

/*
 * Staff accounts, sessions and second factors: better-auth's tables (lib/auth), mapped by model name in
 * lib/auth/auth.ts. Ids are better-auth's random strings. Passwords are scrypt hashes in auth_accounts.
 */

/** One staff member; `role` is a role of docs/design.md (Roles), `deactivated_at` set means no sign-in and no session. */
export const authUsers = pgTable(
  'auth_users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    ...createdAndUpdatedAt(),
    role: text('role', { enum: ROLES }).notNull(),
    deactivatedAt: tstz('deactivated_at'),
    twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
  },
  (table) => [
    uniqueIndex('auth_users_email_idx').on(table.email),
    index('auth_users_role_idx').on(table.role),
    check('auth_users_role_check', sql`${table.role} in (${sql.raw(ROLES.map((role) => `'${role}'`).join(', '))})`),
  ],
);

/** A signed-in browser. Dies at `expires_at` (absolute) or when `last_active_at` is too old (idle). */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull(),
    userId: staffUserId(),
    expiresAt: tstz('expires_at').notNull(),
    ...createdAndUpdatedAt(),
    lastActiveAt: tstz('last_active_at').notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
  },
  (table) => [uniqueIndex('auth_sessions_token_idx').on(table.token), index('auth_sessions_user_idx').on(table.userId)],
);

/** Credentials: provider `credential` holds the password hash. */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: staffUserId(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: tstz('access_token_expires_at'),
    refreshTokenExpiresAt: tstz('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    ...createdAndUpdatedAt(),
  },
  (table) => [index('auth_accounts_user_idx').on(table.userId)],
);

/** Short-lived values: pending second-factor challenges and their attempt counters. */
export const authVerifications = pgTable(
  'auth_verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    ...createdAndUpdatedAt(),
  },
  (table) => [index('auth_verifications_identifier_idx').on(table.identifier)],
);

/** TOTP secret (encrypted with the auth secret) and backup codes of a user who set up 2FA. */
export const authTwoFactors = pgTable(
  'auth_two_factors',
  {
    id: text('id').primaryKey(),
    userId: staffUserId(),
    secret: text('secret').notNull(),
    backupCodes: text('backup_codes').notNull(),
    verified: boolean('verified').notNull().default(true),
    failedVerificationCount: integer('failed_verification_count').notNull().default(0),
    lockedUntil: tstz('locked_until'),
  },
  (table) => [
    index('auth_two_factors_user_idx').on(table.userId),
    index('auth_two_factors_secret_idx').on(table.secret),
  ],
);

/** Failed sign-ins, one row each, counted per account and per IP over a sliding window. */
export const authSignInFailures = pgTable(
  'auth_sign_in_failures',
  {
    ...logEntry(),
    /** Lower-cased email as typed (the account may not exist). */
    email: text('email'),
    ip: text('ip'),
  },
  (table) => [
    index('auth_sign_in_failures_email_idx').on(table.email, table.at),
    index('auth_sign_in_failures_ip_idx').on(table.ip, table.at),
  ],
);

/** App-wide settings changed by admins (e.g. `auth.require_two_factor`), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull().$type<unknown>(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

export const authUsersRelations = relations(authUsers, ({ many }) => ({
  sessions: many(authSessions),
  accounts: many(authAccounts),
  twoFactors: many(authTwoFactors),
}));
export const authSessionsRelations = relations(authSessions, ({ one }) => ({
  user: one(authUsers, { fields: [authSessions.userId], references: [authUsers.id] }),
}));
export const authAccountsRelations = relations(authAccounts, ({ one }) => ({
  user: one(authUsers, { fields: [authAccounts.userId], references: [authUsers.id] }),
}));
export const authTwoFactorsRelations = relations(authTwoFactors, ({ one }) => ({
  user: one(authUsers, { fields: [authTwoFactors.userId], references: [authUsers.id] }),
}));

export type BillingKeyRow = typeof billingKeys.$inferSelect;
export type NewBillingKeyRow = typeof billingKeys.$inferInsert;
export type IssueAttemptRow = typeof issueAttempts.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
export type AuthUserRow = typeof authUsers.$inferSelect;
export type AuthSessionRow = typeof authSessions.$inferSelect;

/**
 * QA runner runs (lib/qa): the channels × scenarios matrix with each cell's redacted request and
 * Iamport's answer, and the cleanup of the keys the run created. Never card data: the request is
 * stored with the number masked and `birth`/`pwd_2digit`/`cvc` as `**`.
 */
export const qaRuns = pgTable(
  'qa_runs',
  {
    id: uuidId(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    finishedAt: tstz('finished_at'),
    actorId: text('actor_id'),
    channels: jsonb('channels').notNull().$type<QaChannelSnapshot[]>(),
    scenarios: jsonb('scenarios').notNull().$type<QaScenario[]>(),
    issueTimeoutMs: integer('issue_timeout_ms').notNull(),
    status: text('status', { enum: ['running', 'cleaning', 'completed', 'failed'] })
      .notNull()
      .default('running'),
    results: jsonb('results').notNull().$type<QaCell[]>(),
    cleanup: jsonb('cleanup').notNull().$type<QaCleanup>(),
    /** Why the run stopped, when it failed as a whole. */
    error: text('error'),
  },
  (table) => [index('qa_runs_created_idx').on(table.createdAt.desc(), table.id)],
);

export type QaRunRow = typeof qaRuns.$inferSelect;

/** One delivery of a card-registration link (email or the merchant's webhook) and how it ended. */
export interface CardLinkDelivery {
  channel: 'email' | 'webhook';
  status: 'sent' | 'failed';
  at: string;
  /** Tries made (the webhook retries with backoff). */
  tries: number;
  /** Why it failed, in Korean, for the agent (never the link itself). */
  error?: string;
}

/**
 * One-time card-registration links (lib/links): the agent sends one, the customer types the card on
 * their own phone. Only the SHA-256 of the token is kept; the token itself is shown once.
 */
export const cardLinks = pgTable(
  'card_links',
  {
    id: uuidId(),
    /** SHA-256 (hex) of the URL token. */
    tokenHash: text('token_hash').notNull(),
    /** `issuing` while one submission is with Iamport; expiry is read from `expires_at`. */
    status: text('status', { enum: ['active', 'issuing', 'used', 'revoked', 'locked'] })
      .notNull()
      .default('active'),
    customerUid: text('customer_uid').notNull(),
    pg: text('pg').notNull(),
    channelKey: text('channel_key'),
    /** The channel was a test channel when the link was made (QA may only use those). */
    testChannel: boolean('test_channel').notNull(),
    appMode: appMode(),
    /** The agent saw the key this customer_uid held and chose to replace it (the customer is never asked). */
    replaceConfirmed: boolean('replace_confirmed').notNull().default(false),
    ...customerContact(),
    createdBy: text('created_by').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    openedAt: tstz('opened_at'),
    claimedAt: tstz('claimed_at'),
    usedAt: tstz('used_at'),
    revokedAt: tstz('revoked_at'),
    revokedBy: text('revoked_by'),
    lockedAt: tstz('locked_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    deliveries: jsonb('deliveries').notNull().$type<CardLinkDelivery[]>().default([]),
  },
  (table) => [
    uniqueIndex('card_links_token_hash_idx').on(table.tokenHash),
    index('card_links_created_idx').on(table.createdAt.desc(), table.id),
    index('card_links_created_by_idx').on(table.createdBy, table.createdAt.desc()),
    index('card_links_uid_idx').on(table.customerUid, table.createdAt.desc()),
    index('card_links_status_idx').on(table.status, table.createdAt.desc()),
  ],
);

/**
 * Requests to the public link pages, one row each, counted over a sliding window per client address
 * and, for submissions, per link (`ip` = `link:<card_links.id>`).
 */
export const cardLinkHits = pgTable(
  'card_link_hits',
  {
    ...logEntry(),
    ip: text('ip'),
  },
  (table) => [index('card_link_hits_ip_idx').on(table.ip, table.at)],
);

export type CardLinkRow = typeof cardLinks.$inferSelect;
