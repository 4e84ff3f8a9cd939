import type { AuditTrailEvent } from './audit';
/** Credit, check (debit), or not said by the PG. */
export type CardType = 'credit' | 'check' | 'unknown';

/** What the app's API returns about a billing key: masked data only. Shared with the browser. */
export interface BillingKeyView {
  customerUid: string;
  pgProvider: string;
  pgId: string;
  sandbox: boolean | null;
  cardName: string | null;
  cardCode: string | null;
  /** Masked by the PG, as Iamport returned it. */
  cardNumberMasked: string | null;
  cardType: CardType;
  customerId: string | null;
  customerName: string | null;
  customerTel: string | null;
  customerEmail: string | null;
  customerAddr: string | null;
  customerPostcode: string | null;
  /** ISO 8601. */
  insertedAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** The fields every view of a key shares: what it is and whose it is. */
export type KeyFact =
  | 'customerUid'
  | 'pgProvider'
  | 'pgId'
  | 'sandbox'
  | 'cardName'
  | 'cardCode'
  | 'cardNumberMasked'
  | 'cardType'
  | 'customerName'
  | 'customerTel'
  | 'customerEmail';

/** One row of the review list and the CSV export: masked data only (the table holds no card data). */
export interface BillingKeyListRow extends Pick<BillingKeyView, KeyFact> {
  /** ISO 8601. */
  issuedAt: string;
  /** ISO 8601: when the console last changed the row. */
  updatedAt: string;
  issuedBy: string | null;
  /** The issuer's email, when the account exists. */
  issuedByEmail: string | null;
  status: 'active' | 'deleted';
  deletedAt: string | null;
  deletedBy: string | null;
  deleteReason: string | null;
}

export interface IssueResult {
  billingKey: BillingKeyView;
  /** `inserted` ≠ `updated`: an existing customer_uid got a new card. */
  replaced: boolean;
  mode: 'sandbox' | 'live';
}

export interface ChannelView {
  pgProvider: string;
  pgId: string;
  sandbox: boolean;
  type: string;
  channelName: string;
  channelKey: string;
  /** `pg` parameter that selects this channel: `provider.MID`. */
  pg: string;
  keyIn: boolean;
}

/** The key a customer_uid already holds, and where the app found it. */
export interface CurrentKey {
  billingKey: BillingKeyView;
  source: 'stored' | 'iamport';
}

/** `GET /api/billing-keys/{uid}/current`: the key the uid holds, or null with a signed "none found". */
export interface CurrentKeyCheck {
  current: CurrentKey | null;
  /** Present when nothing was found: send it back as `guard_check` with the issuance. */
  guardCheck: string | null;
}

/** A billing_keys row for the browser (camelCase, masked data only); times are ISO 8601. */
export interface StoredBillingKeyView extends BillingKeyView {
  appMode: 'sandbox' | 'live';
  channelKey: string | null;
  cardIssuerName: string | null;
  cardPublisherName: string | null;
  /** When the app first recorded the key, and who issued it (null until staff accounts exist). */
  issuedAt: string;
  issuedBy: string | null;
  /** The issuer's email, when the account exists. */
  issuedByEmail?: string | null;
  status: 'active' | 'deleted';
  deletedAt: string | null;
  deletedBy: string | null;
  deletedByEmail?: string | null;
  deleteReason: string | null;
  liveState: 'unchecked' | 'same' | 'changed' | 'missing';
  liveCheckedAt: string | null;
  liveStateAcknowledgedAt: string | null;
  liveStateAcknowledgedBy: string | null;
}

/** `present`: Iamport has the key; `missing`: it answered not found; `unavailable`: no usable answer. */
export type LiveStatus = 'present' | 'missing' | 'unavailable';

/** Fields compared between the stored and the live key (names of BillingKeyView). */
export type ComparedField =
  'pgProvider' | 'pgId' | 'cardName' | 'cardCode' | 'cardNumberMasked' | 'cardType' | 'insertedAt' | 'updatedAt';

/** A card the customer_uid held before a replacement. */
export interface KeyHistoryView {
  id: number;
  pgProvider: string;
  pgId: string;
  cardName: string | null;
  cardCode: string | null;
  cardNumberMasked: string | null;
  cardType: BillingKeyView['cardType'];
  insertedAt: string;
  updatedAt: string;
  replacedAt: string;
  /** The staff id who replaced it, and that account's email (null when none has the id any more). */
  replacedBy: string | null;
  replacedByEmail: string | null;
}

export type AttemptOutcomeView = 'pending' | 'issued' | 'rejected' | 'unknown' | 'failed';

/** One issuance attempt: never card data. */
export interface AttemptView {
  id: string;
  customerUid: string;
  requestedPg: string | null;
  pgProvider: string | null;
  pgId: string | null;
  appMode: 'sandbox' | 'live';
  outcome: AttemptOutcomeView;
  errorCode: string | null;
  iamportCode: number | null;
  iamportMessage: string | null;
  pgCode: string | null;
  replaced: boolean | null;
  durationMs: number | null;
  actorId: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface AttemptsPage {
  attempts: AttemptView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** An audit event of a key's trail: the same read model as the audit trail's. */
export type AuditEventView = AuditTrailEvent;

/** `GET /api/billing-keys/{customer_uid}`: the live key beside the stored one, and its records. */
export interface BillingKeyDetail {
  /** The key as Iamport has it now; null when missing there or unreachable. */
  billingKey: BillingKeyView | null;
  stored: StoredBillingKeyView | null;
  liveStatus: LiveStatus;
  /** Why the live state is unavailable, for the reviewer (Korean). */
  liveError: string | null;
  /** Fields whose stored and live values differ (empty unless both exist). */
  differences: ComparedField[];
  history: KeyHistoryView[];
  attempts: AttemptView[];
  audit: AuditEventView[];
}

/** `DELETE /api/billing-keys/{customer_uid}`. */
export interface DeleteResult {
  customerUid: string;
  /** Iamport answered not found: the key was already gone there and is now marked deleted here. */
  notFoundAtIamport: boolean;
  stored: StoredBillingKeyView | null;
}

/** A key reconcile found changed or missing at Iamport, not yet marked as seen. */
/** The card Iamport held for a key when a reconcile last looked (masked by the PG, never more). */
export interface LiveCardView {
  pgProvider: string;
  pgId: string;
  cardName: string | null;
  cardNumberMasked: string | null;
  /** Iamport's `updated`, ISO. */
  updatedAt: string;
}

export interface ReconcileFinding {
  customerUid: string;
  liveState: 'changed' | 'missing';
  liveCheckedAt: string | null;
  pgProvider: string;
  pgId: string;
  cardName: string | null;
  cardNumberMasked: string | null;
  /**
   * For a changed key: the card at Iamport when the reconcile that found it looked; null when no
   * reconcile recorded it (the change was seen on the key's detail page, or before this was kept).
   */
  liveCard: LiveCardView | null;
}

export interface ReconcileCounts {
  checked: number;
  same: number;
  changed: number;
  missing: number;
  /** Keys Iamport could not be asked about (errors on their batch). */
  unavailable: number;
  batches: number;
}

/** `POST /api/reconcile`. */
export interface ReconcileResult extends ReconcileCounts {
  startedAt: string;
  finishedAt: string;
  /** The keys Iamport could not be asked about (the first RECONCILE_NAMED_LIMIT, in uid order). */
  unavailableUids: string[];
}

/** `GET /api/reconcile`: open findings, active keys, and the last run. */
export interface ReconcileOverview {
  findings: ReconcileFinding[];
  activeKeys: number;
  lastRun: (ReconcileCounts & { at: string; result: 'success' | 'failure'; unavailableUids: string[] }) | null;
}
