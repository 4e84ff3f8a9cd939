import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from './client';
import { issueLocks } from './schema';

/**
 * How long a lease outlives its holder. A live holder renews it every `LEASE_TTL_MS / 3`, so a
 * lease left by a killed process is free again within this time (recovery can then settle its
 * attempt), while a slow issuance in a live process keeps it for as long as it runs.
 */
export const LEASE_TTL_MS = 15_000;

export interface IssueLease {
  release(): Promise<void>;
}

export interface LeaseOptions {
  /** Default LEASE_TTL_MS. */
  ttlMs?: number;
  /** Keep extending the lease while it is held (default true); false for a one-off lease in tests. */
  renew?: boolean;
}

/** Takes the customer_uid's lease if it is free or expired; null when someone else holds it. */
export async function tryLease(db: Db, customerUid: string, options: LeaseOptions = {}): Promise<IssueLease | null> {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  const holder = randomUUID();
  const now = new Date();
  const taken = await db
    .insert(issueLocks)
    .values({ customerUid, holder, expiresAt: new Date(now.getTime() + ttlMs) })
    .onConflictDoUpdate({
      target: issueLocks.customerUid,
      set: { holder, expiresAt: new Date(now.getTime() + ttlMs) },
      setWhere: lt(issueLocks.expiresAt, now),
    })
    .returning({ holder: issueLocks.holder });
  if (taken[0]?.holder !== holder) return null;

  const mine = and(eq(issueLocks.customerUid, customerUid), eq(issueLocks.holder, holder));
  let renewal: NodeJS.Timeout | undefined;
  if (options.renew ?? true) {
    // A failed renewal is retried at the next tick; two in a row still leave a third of the TTL.
    renewal = setInterval(
      () => {
        void db
          .update(issueLocks)
          .set({ expiresAt: new Date(Date.now() + ttlMs) })
          .where(mine)
          .catch(() => {});
      },
      Math.max(1, Math.floor(ttlMs / 3)),
    );
    renewal.unref?.();
  }
  return {
    release: async () => {
      clearInterval(renewal);
      await db.delete(issueLocks).where(mine);
    },
  };
}

/** Waits (polling) for the lease up to `waitMs`; null if it stayed taken. */
export async function acquireLease(
  db: Db,
  customerUid: string,
  options: LeaseOptions & { waitMs: number; pollMs?: number },
): Promise<IssueLease | null> {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const lease = await tryLease(db, customerUid, options);
    if (lease || Date.now() >= deadline) return lease;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}
