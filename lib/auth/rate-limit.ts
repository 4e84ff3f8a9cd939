import 'server-only';
import { and, desc, eq, gt, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { authSignInFailures } from '@/lib/db/schema';

/**
 * Failed sign-ins allowed within 15 minutes (sliding window): 10 per account from one address, 10
 * per address across accounts, and 100 per account from all addresses together. Someone guessing
 * from elsewhere thus locks only their own address out of an account; its owner, signing in from
 * where they do, keeps getting in until the account-wide ceiling (README, Security).
 */
export const SIGN_IN_LIMIT = { maxFailures: 10, accountMaxFailures: 100, windowMs: 15 * 60_000 } as const;

/** First key of the advisory locks taken per account and per IP. */
const LOCK_NAMESPACE = 724_100_919;

export interface SignInLimit {
  /** Per account from one address, and per address. */
  maxFailures: number;
  /** Per account from every address. */
  accountMaxFailures: number;
  windowMs: number;
}

export type SignInLimitBy = 'account_ip' | 'account' | 'ip';

/** Who is trying: the typed email (lower-cased; the account may not exist) and the client IP. */
export interface SignInKey {
  email: string | null;
  ip: string | null;
}

export type SignInAttempt =
  { allowed: true; attemptId: number } | { allowed: false; retryAfterSeconds: number; by: SignInLimitBy };

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
  const checks: { by: SignInLimitBy; lockKey?: string; where: SQL; max: number }[] = [];
  if (key.email) {
    const sameAddress = key.ip ? eq(authSignInFailures.ip, key.ip) : isNull(authSignInFailures.ip);
    checks.push({
      by: 'account_ip',
      where: and(eq(authSignInFailures.email, key.email), sameAddress)!,
      max: limit.maxFailures,
    });
    checks.push({
      by: 'account',
      lockKey: `account:${key.email}`,
      where: eq(authSignInFailures.email, key.email),
      max: limit.accountMaxFailures,
    });
  }
  if (key.ip)
    checks.push({
      by: 'ip',
      lockKey: `ip:${key.ip}`,
      where: eq(authSignInFailures.ip, key.ip),
      max: limit.maxFailures,
    });

  return db.transaction(async (tx) => {
    // One attempt at a time per account and per IP, so parallel guesses cannot all pass the count.
    // (The account lock covers account × address.)
    for (const check of checks) {
      if (!check.lockKey) continue;
      await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${check.lockKey}))`);
    }
    let blocked: { retryAfterSeconds: number; by: SignInLimitBy } | null = null;
    for (const check of checks) {
      const recent = await tx
        .select({ at: authSignInFailures.at })
        .from(authSignInFailures)
        .where(and(check.where, gt(authSignInFailures.at, since)))
        .orderBy(desc(authSignInFailures.at))
        .limit(check.max);
      if (recent.length < check.max) continue;
      // The count falls below the limit when the oldest of the latest `max` leaves the window.
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
