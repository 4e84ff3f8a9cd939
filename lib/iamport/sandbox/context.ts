import 'server-only';
import type { StatName } from './stats';
import type { TokenAuthority, TokenRecord } from './tokens';
import type { SandboxChannel, SandboxFaultKind, SandboxPayment, SandboxStats, SandboxStore } from './types';

/** The sandbox's state and settings, shared by every endpoint. */
export interface SandboxContext {
  store: SandboxStore;
  channels: readonly SandboxChannel[];
  tokens: TokenAuthority;
  clock: () => number;
  slowMs: number;
  latencyMs: number;
  /** API calls per customer_uid named, so a test can prove what reached "Iamport" for its own uid. */
  callsByUid: Map<string, Partial<Record<StatName, number>>>;
  notFoundStatus: 404 | 200;
  stats: SandboxStats;
  /** `token_expiry` card: per store key, the newest token generation that must still get a 401. */
  tokenExpiryTrips: Map<string, number>;
  /** Injected per customer_uid: every API request naming the uid answers with this failure. */
  faults: Map<string, SandboxFaultKind>;
  /** Payments made with billing keys, per store key, newest first. In memory whatever the store. */
  payments: Map<string, SandboxPayment[]>;
}

/** An authenticated API call. */
export interface ApiCall {
  request: Request;
  url: URL;
  token: TokenRecord;
  tier: string | undefined;
}

export function nowSeconds(ctx: Pick<SandboxContext, 'clock'>): number {
  return Math.floor(ctx.clock() / 1000);
}

export function count(ctx: SandboxContext, name: StatName): void {
  ctx.stats[name] += 1;
}

/** Keeps the per-uid tally bounded: the oldest uids are forgotten first. */
const MAX_TRACKED_UIDS = 10_000;

export function countForUids(ctx: SandboxContext, name: StatName, uids: readonly string[]): void {
  for (const uid of uids) {
    const calls = ctx.callsByUid.get(uid) ?? {};
    calls[name] = (calls[name] ?? 0) + 1;
    ctx.callsByUid.delete(uid);
    ctx.callsByUid.set(uid, calls);
    if (ctx.callsByUid.size > MAX_TRACKED_UIDS) {
      const oldest = ctx.callsByUid.keys().next().value;
      if (oldest !== undefined) ctx.callsByUid.delete(oldest);
    }
  }
}

/** A `Tier` header is a 3-character alphanumeric sub-merchant code. */
export const TIER_PATTERN = /^[A-Za-z0-9]{3}$/;
