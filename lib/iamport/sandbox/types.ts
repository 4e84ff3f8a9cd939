import 'server-only';
import type { SandboxScenario } from '@/lib/gateways/test-cards';
import type { CustomerAnnotation, PgChannel } from '../types';

export type { SandboxScenario };

export interface SandboxCredentials {
  impKey: string;
  impSecret: string;
}

/**
 * One of the merchant's channels. `channel_group_ids` (sandbox configuration only, never answered by
 * `GET /users/pg`) puts a key-in channel in smart-routing groups for `channel_group_id` issuance.
 */
export interface SandboxChannel extends PgChannel {
  channel_group_ids?: string[];
}

/** The fields a succeeded channel shares with the billing key itself, with the same types. */
type SucceededChannelField =
  | 'pg_provider'
  | 'pg_id'
  | 'card_name'
  | 'card_code'
  | 'card_issuer_code'
  | 'card_issuer_name'
  | 'card_publisher_code'
  | 'card_publisher_name'
  | 'card_number'
  | 'card_type'
  | 'inserted'
  | 'updated';

/** A channel of a smart-routing issuance that got a billing key (OpenAPI `SucceededChannelAnnotation`). */
export interface SucceededChannelAnnotation extends Pick<CustomerAnnotation, SucceededChannelField> {
  /** The OpenAPI document requires `update` (sic) besides `updated`; both are sent, same value. */
  update: number;
}

/** A channel of a smart-routing issuance that refused (OpenAPI `FailedChannelAnnotation`). */
export interface FailedChannelAnnotation {
  type: 'INVALID_REQUEST' | 'PG_PROVIDER' | 'DB_FAILED';
  message: string;
  pg_provider: string;
  pg_id: string;
}

/** What `channel_group_id` issuance answers and stores (OpenAPI `SuperBillingKeyAnnotation`). */
export interface SuperBillingKeyAnnotation {
  customer_uid: string;
  channelGroupId: string;
  customer_id: string | null;
  customer_name: string | null;
  customer_tel: string | null;
  customer_email: string | null;
  customer_addr: string | null;
  customer_postcode: string | null;
  succeededChannels: SucceededChannelAnnotation[];
  failedChannels: FailedChannelAnnotation[];
}

/** A payment made with a billing key (`POST /subscribe/payments/again`), OpenAPI `PaymentAnnotation`. */
export interface SandboxPayment {
  imp_uid: string;
  merchant_uid: string;
  pay_method: string;
  channel: string;
  pg_provider: string;
  emb_pg_provider: string | null;
  pg_tid: string;
  pg_id: string;
  sandbox: boolean;
  escrow: boolean;
  apply_num: string;
  bank_code: string | null;
  bank_name: string | null;
  card_code: string | null;
  card_name: string | null;
  card_quota: number;
  card_number: string | null;
  card_type: number | null;
  vbank_code: string | null;
  vbank_name: string | null;
  vbank_num: string | null;
  vbank_holder: string | null;
  vbank_date: number;
  vbank_issued_at: number;
  name: string;
  amount: number;
  cancel_amount: number;
  currency: string;
  buyer_name: string | null;
  buyer_email: string | null;
  buyer_tel: string | null;
  buyer_addr: string | null;
  buyer_postcode: string | null;
  custom_data: string | null;
  user_agent: string;
  status: 'paid' | 'failed';
  started_at: number;
  paid_at: number;
  failed_at: number;
  cancelled_at: number;
  fail_reason: string | null;
  cancel_reason: string | null;
  receipt_url: string;
  cancel_history: unknown[];
  cancel_receipt_urls: string[];
  cash_receipt_issued: boolean;
  customer_uid: string;
  customer_uid_usage: 'payment';
}

export interface SandboxOptions {
  /** Key/secret pairs getToken accepts; default: SANDBOX_IMP_KEY / SANDBOX_IMP_SECRET. */
  credentials?: SandboxCredentials[];
  /**
   * The merchant's channels (`GET /users/pg`); default: DEFAULT_SANDBOX_CHANNELS. `loadSandboxChannels`
   * reads them from SANDBOX_CHANNELS_FILE / SANDBOX_CHANNELS.
   */
  channels?: SandboxChannel[];
  /** HTTP status of a "customer_uid not found" answer; the sources disagree (docs/iamport.md §4). */
  notFoundStatus?: 404 | 200;
  /** How long the `slow` card makes issuance wait; default past the app's 30 s timeout. */
  slowMs?: number;
  /** Delay before every API answer, like a distant server (benchmarks); default 0. */
  latencyMs?: number;
  /** Milliseconds since the epoch; tests move time with it. */
  clock?: () => number;
  /** Where billing keys live; default in memory. */
  store?: SandboxStore;
}

/** Async so that a DB-backed store can implement it. Keys are opaque strings (tier + customer_uid). */
export interface SandboxStore {
  get(key: string): Promise<CustomerAnnotation | undefined>;
  /** The first of `keys` (in that order) that holds a value, in one look-up. */
  getFirst(keys: readonly string[]): Promise<{ key: string; value: CustomerAnnotation } | undefined>;
  /** Stores `value` under `key` and, in the same step, removes `removing` (a key it replaces). */
  set(key: string, value: CustomerAnnotation, removing?: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

export interface SandboxStats {
  getToken: number;
  issue: number;
  get: number;
  multiGet: number;
  delete: number;
  listChannels: number;
  payments: number;
  schedules: number;
  /** `POST /subscribe/payments/again`. */
  payAgain: number;
  /** Every request to the Iamport API surface (admin endpoints excluded). */
  total: number;
}

/** A failure injected for one customer_uid (`PUT /__sandbox/faults/{customer_uid}`). */
export type SandboxFaultKind = 'http_500' | 'html_error' | 'connection_drop';

export interface SandboxAdmin {
  getKey(uid: string, tier?: string): Promise<CustomerAnnotation | undefined>;
  putKey(annotation: CustomerAnnotation, tier?: string): Promise<void>;
  removeKey(uid: string, tier?: string): Promise<boolean>;
  /** Until cleared, every API request naming `uid` (get, delete, issue, multi-get) fails this way. */
  setFault(uid: string, kind: SandboxFaultKind): void;
  /** Returns whether a fault was set. */
  clearFault(uid: string): boolean;
  getFault(uid: string): SandboxFaultKind | undefined;
  /** The smart-routing key under `uid`, if the uid holds one (`getKey` sees plain keys only). */
  getGroupKey(uid: string, tier?: string): Promise<SuperBillingKeyAnnotation | undefined>;
  /** Payments recorded for `uid` (newest first). */
  payments(uid: string, tier?: string): SandboxPayment[];
}

export interface Sandbox {
  /** The handler; never throws (unexpected errors become a 500 envelope). */
  fetch(request: Request): Promise<Response>;
  setNotFoundStatus(status: 404 | 200): void;
  stats(): SandboxStats;
  resetStats(): void;
  /** Direct state access for tests: change a key "behind the app's back". */
  admin: SandboxAdmin;
}

export interface SandboxCard {
  /** `dddd-dddd-dddd-dddd`, Luhn-valid. */
  number: string;
  scenario: SandboxScenario;
  /** One line of Korean for the README and QA screens. */
  label: string;
}
