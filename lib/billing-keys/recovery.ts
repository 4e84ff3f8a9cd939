import 'server-only';
import { eq } from 'drizzle-orm';
import { auditRow } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { finishAttempt, openAttempts } from '@/lib/db/attempts';
import { upsertIssuedKey } from '@/lib/db/billing-keys';
import { issueAttempts, type IssueAttemptRow } from '@/lib/db/schema';
import { tryLease } from '@/lib/db/issue-locks';
import { getEnv } from '@/lib/env';
import { IamportNotFoundError } from '@/lib/iamport';
import { type IamportRuntime } from '@/lib/runtime';
import { getLogger } from '@/lib/log';

export interface RecoveryDeps {
  db: Db;
  runtime: IamportRuntime;
  /**
   * How long after an attempt started Iamport may still be working on it: until then "no such key"
   * is not final (the request may be on its way through the PG). Default: issue timeout + 10 s.
   */
  inFlightMaxMs?: number;
}
type Deps = RecoveryDeps;

export type Resolution = 'issued' | 'not_issued' | 'still_unknown' | 'already_resolved';

/** Tolerance between Iamport's clock and ours when deciding whether a key came from this attempt. */
const CLOCK_SKEW_MS = 60_000;

const isOpen = (attempt: IssueAttemptRow | undefined): attempt is IssueAttemptRow =>
  attempt?.outcome === 'pending' || attempt?.outcome === 'unknown';

async function readAttempt(db: Db, attemptId: string): Promise<IssueAttemptRow | undefined> {
  const [attempt] = await db.select().from(issueAttempts).where(eq(issueAttempts.id, attemptId));
  return attempt;
}

/**
 * Settles an attempt whose outcome is open (timed out, answer lost, or the app died mid-call) by
 * looking the customer_uid up at Iamport: a key updated since the attempt started is recorded as
 * issued. Runs under the uid's lease, as an issuance does, and reads the attempt again once it holds
 * it: another instance may have settled it meanwhile.
 */
export async function resolveAttempt(attemptId: string, deps: Deps): Promise<Resolution> {
  const { db } = deps;
  const seen = await readAttempt(db, attemptId);
  if (!isOpen(seen)) return 'already_resolved';
  // A live issuance (or another instance's recovery) holds it: not ours to settle now.
  const lease = await tryLease(db, seen.customerUid).catch(() => null);
  if (!lease) return 'still_unknown';
  try {
    const attempt = await readAttempt(db, attemptId);
    if (!isOpen(attempt)) return 'already_resolved';
    return await resolveUnderLease(attempt, deps);
  } finally {
    await lease.release().catch((error: unknown) => getLogger().error({ err: error }, 'recovery lease not released'));
  }
}

async function resolveUnderLease(attempt: IssueAttemptRow, { db, runtime, inFlightMaxMs }: Deps): Promise<Resolution> {
  const attemptId = attempt.id;
  const age = Date.now() - attempt.startedAt.getTime();
  const durationMs = attempt.durationMs ?? age;
  const settled = age > (inFlightMaxMs ?? getEnv().IAMPORT_ISSUE_TIMEOUT_MS + 10_000);
  try {
    const live = await runtime.client.getBillingKey(attempt.customerUid);
    if (live.updated * 1000 < attempt.startedAt.getTime() - CLOCK_SKEW_MS) {
      // The key Iamport holds is older than this attempt, which may still be on its way.
      if (!settled) return 'still_unknown';
      await finishAttempt(db, attemptId, { outcome: 'failed', errorCode: 'not_issued', durationMs });
      return 'not_issued';
    }
    await upsertIssuedKey(
      db,
      live,
      { appMode: runtime.mode, channelKey: attempt.channelKey, actorId: attempt.actorId },
      {
        attempt: {
          id: attemptId,
          finish: {
            outcome: 'issued',
            pgProvider: live.pg_provider,
            pgId: live.pg_id,
            replaced: live.inserted !== live.updated,
            durationMs,
          },
        },
        audit: {
          ...auditRow(
            { actor: null, ip: null },
            {
              action: live.inserted !== live.updated ? 'billing_key.replace' : 'billing_key.issue',
              result: 'success',
              targetType: 'billing_key',
              targetId: attempt.customerUid,
              details: { attemptId, resolvedBy: 'lookup', cardNumberMasked: live.card_number },
            },
          ),
          // The agent whose request issued it (no session here: their email stays empty).
          actorId: attempt.actorId,
        },
      },
    );
    return 'issued';
  } catch (error) {
    if (error instanceof IamportNotFoundError) {
      if (!settled) return 'still_unknown';
      await finishAttempt(db, attemptId, { outcome: 'failed', errorCode: 'not_issued', durationMs });
      return 'not_issued';
    }
    return 'still_unknown';
  }
}

/** How many look-ups a round runs at once: a burst left open by a crash settles in seconds. */
const ROUND_CONCURRENCY = 8;

/** Settles every attempt left open for more than `olderThanMs`, oldest first, at most `limit`. */
export async function resolveOpenAttempts(
  deps: Deps,
  { olderThanMs = 0, limit = 200 }: { olderThanMs?: number; limit?: number } = {},
): Promise<Record<Resolution, number>> {
  const counts: Record<Resolution, number> = { issued: 0, not_issued: 0, still_unknown: 0, already_resolved: 0 };
  const open = await openAttempts(deps.db, new Date(Date.now() - olderThanMs), limit);
  let next = 0;
  const worker = async () => {
    while (next < open.length) {
      const attempt = open[next++]!;
      counts[await resolveAttempt(attempt.id, deps)] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(ROUND_CONCURRENCY, open.length) }, worker));
  return counts;
}
