import 'server-only';
import type { CustomerAnnotation, PgChannel } from '../types';

export interface SandboxCredentials {
  impKey: string;
  impSecret: string;
}

export interface SandboxOptions {
  /** Key/secret pairs getToken accepts; default: SANDBOX_IMP_KEY / SANDBOX_IMP_SECRET. */
  credentials?: SandboxCredentials[];
  /** The merchant's channels (`GET /users/pg`); default: DEFAULT_SANDBOX_CHANNELS. */
  channels?: PgChannel[];
  /** HTTP status of a "customer_uid not found" answer; the sources disagree (SPEC §4). */
  notFoundStatus?: 404 | 200;
  /** How long the `slow` card makes issuance wait; default past the app's 30 s timeout. */
  slowMs?: number;
  /** Milliseconds since the epoch; tests move time with it. */
  clock?: () => number;
  /** Where billing keys live; default in memory. */
  store?: SandboxStore;
}

/** Async so that a DB-backed store can implement it. Keys are opaque strings (tier + customer_uid). */
export interface SandboxStore {
  get(key: string): Promise<CustomerAnnotation | undefined>;
  set(key: string, value: CustomerAnnotation): Promise<void>;
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

export type SandboxScenario =
  | 'success'
  | 'invalid_card'
  | 'expired'
  | 'declined'
  | 'no_keyin_module'
  | 'password_check'
  | 'slow'
  | 'http_500'
  | 'html_error'
  | 'truncated_json'
  | 'connection_drop'
  | 'token_expiry';

export interface SandboxCard {
  /** `dddd-dddd-dddd-dddd`, Luhn-valid. */
  number: string;
  scenario: SandboxScenario;
  /** One line of Korean for the README and QA screens. */
  label: string;
}
