import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from './client';
import { issueLocks } from './schema';

export interface IssueLease {
  release(): Promise<void>;
}

/** Takes the customer_uid's lease if it is free or expired; null when someone else holds it. */
export async function tryLease(db: Db, customerUid: string, ttlMs: number): Promise<IssueLease | null> {
  const holder = randomUUID();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db
    .insert(issueLocks)
    .values({ customerUid, holder, expiresAt })
    .onConflictDoUpdate({
      target: issueLocks.customerUid,
      set: { holder, expiresAt },
      setWhere: lt(issueLocks.expiresAt, now),
    })
    .returning({ holder: issueLocks.holder });
  if (taken[0]?.holder !== holder) return null;
  return {
    release: async () => {
      await db.delete(issueLocks).where(and(eq(issueLocks.customerUid, customerUid), eq(issueLocks.holder, holder)));
    },
  };
}

/** Waits (polling) for the lease up to `waitMs`; null if it stayed taken. */
export async function acquireLease(
  db: Db,
  customerUid: string,
  options: { ttlMs: number; waitMs: number; pollMs?: number },
): Promise<IssueLease | null> {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const lease = await tryLease(db, customerUid, options.ttlMs);
    if (lease || Date.now() >= deadline) return lease;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}
