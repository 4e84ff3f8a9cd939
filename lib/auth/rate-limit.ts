import 'server-only';
import { and, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { authSignInFailures } from '@/lib/db/schema';

/** At most 10 failed sign-ins per account and per IP within 15 minutes (sliding window). */
export const SIGN_IN_LIMIT = { maxFailures: 10, windowMs: 15 * 60_000 } as const;

/** First key of the advisory locks taken per account and per IP. */
const LOCK_NAMESPACE = 724_100_919;

export interface SignInLimit {
  maxFailures: number;
  windowMs: number;
}

/** Who is trying: the typed email (lower-cased; the account may not exist) and the client IP. */
export interface SignInKey {
  email: string | null;
  ip: string | null;
}

export type SignInAttempt =
  { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number; by: 'account' | 'ip' };

/**
 * Counts earlier failures and, if the limit allows, records this attempt as a failure until it is
 * settled. Recording before the password is checked keeps parallel guesses from all slipping past
 * the count. `settleSignInAttempt(…, true)` removes the row again when the sign-in succeeds.
 */
export async function beginSignInAttempt(
  db: Db,
  key: SignInKey,
  now: Date,
  limit: SignInLimit = SIGN_IN_LIMIT,
): Promise<SignInAttempt> {
  const since = new Date(now.getTime() - limit.windowMs);
  const checks: { by: 'account' | 'ip'; lockKey: string; where: SQL }[] = [];
  if (key.email)
    checks.push({ by: 'account', lockKey: `account:${key.email}`, where: eq(authSignInFailures.email, key.email) });
  if (key.ip) checks.push({ by: 'ip', lockKey: `ip:${key.ip}`, where: eq(authSignInFailures.ip, key.ip) });

  return db.transaction(async (tx) => {
    // One attempt at a time per account and per IP, so parallel guesses cannot all pass the count.
    for (const check of checks) {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${check.lockKey}))`);
    }
    let blocked: { retryAfterSeconds: number; by: 'account' | 'ip' } | null = null;
    for (const check of checks) {
      const recent = await tx
        .select({ at: authSignInFailures.at })
        .from(authSignInFailures)
        .where(and(check.where, gt(authSignInFailures.at, since)))
        .orderBy(desc(authSignInFailures.at))
        .limit(limit.maxFailures);
      if (recent.length < limit.maxFailures) continue;
      // The count falls below the limit when the oldest of the latest `maxFailures` leaves the window.
      const oldest = recent[recent.length - 1]!.at;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + limit.windowMs - now.getTime()) / 1000));
      if (!blocked || retryAfterSeconds > blocked.retryAfterSeconds) blocked = { retryAfterSeconds, by: check.by };
    }
    if (blocked) return { allowed: false, ...blocked } as const;

    const [row] = await tx
      .insert(authSignInFailures)
      .values({ email: key.email, ip: key.ip, at: now })
      .returning({ id: authSignInFailures.id });
    if (!row) throw new Error('sign-in attempt insert returned no row');
    return { allowed: true, attemptId: row.id } as const;
  });
}

/** A successful sign-in is not a failure: its row goes. A failed one stays and counts. */
export async function settleSignInAttempt(db: Db, attemptId: number, succeeded: boolean): Promise<void> {
  if (succeeded) await db.delete(authSignInFailures).where(eq(authSignInFailures.id, attemptId));
}

/** Drops rows older than the window; called now and then, nothing depends on it for correctness. */
export async function pruneSignInFailures(db: Db, now: Date, limit: SignInLimit = SIGN_IN_LIMIT): Promise<void> {
  const cutoff = new Date(now.getTime() - limit.windowMs);
  await db.delete(authSignInFailures).where(lt(authSignInFailures.at, cutoff));
}
