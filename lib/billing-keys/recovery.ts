import 'server-only';
import { eq } from 'drizzle-orm';
import { auditRow } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { finishAttempt, openAttempts } from '@/lib/db/attempts';
import { upsertIssuedKey } from '@/lib/db/billing-keys';
import { issueAttempts, type IssueAttemptRow } from '@/lib/db/schema';
import { tryLease } from '@/lib/db/issue-locks';
import { IamportNotFoundError } from '@/lib/iamport';
import { type IamportRuntime } from '@/lib/runtime';
import { getLogger } from '@/lib/log';

interface Deps {
  db: Db;
  runtime: IamportRuntime;
}

export type Resolution = 'issued' | 'not_issued' | 'still_unknown' | 'already_resolved';

/** Tolerance between Iamport's clock and ours when deciding whether a key came from this attempt. */
const CLOCK_SKEW_MS = 60_000;

/** How long recovery may hold a uid's lease (one Iamport look-up and one write). */
const LEASE_TTL_MS = 60_000;

/**
 * Settles an attempt whose outcome is open (timed out, or the app died mid-call) by looking the
 * customer_uid up at Iamport: a key updated since the attempt started is recorded as issued.
 */
export async function resolveAttempt(attemptId: string, { db, runtime }: Deps): Promise<Resolution> {
  const [attempt] = await db.select().from(issueAttempts).where(eq(issueAttempts.id, attemptId));
  if (!attempt || (attempt.outcome !== 'pending' && attempt.outcome !== 'unknown')) return 'already_resolved';
  const durationMs = attempt.durationMs ?? Date.now() - attempt.startedAt.getTime();
  // The uid's lease, as for an issuance: a retry of the same uid must not record a key meanwhile.
  const lease = await tryLease(db, attempt.customerUid, LEASE_TTL_MS).catch(() => null);
  if (!lease) return 'still_unknown';
  try {
    return await resolveUnderLease(attempt, durationMs, { db, runtime });
  } finally {
    await lease.release().catch((error: unknown) => getLogger().error({ err: error }, 'recovery lease not released'));
  }
}

async function resolveUnderLease(
  attempt: IssueAttemptRow,
  durationMs: number,
  { db, runtime }: Deps,
): Promise<Resolution> {
  const attemptId = attempt.id;
  try {
    const live = await runtime.client.getBillingKey(attempt.customerUid);
    if (live.updated * 1000 < attempt.startedAt.getTime() - CLOCK_SKEW_MS) {
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
      await finishAttempt(db, attemptId, { outcome: 'failed', errorCode: 'not_issued', durationMs });
      return 'not_issued';
    }
    return 'still_unknown';
  }
}

/** Lookups after an unknown outcome: soon, then backing off, as the PG may still be working. */
const LOOKUP_DELAYS_MS = [10_000, 60_000, 300_000];

export function scheduleOutcomeLookup(attemptId: string, deps: Deps, round = 0): void {
  const delay = LOOKUP_DELAYS_MS[round];
  if (delay === undefined) return;
  const timer = setTimeout(() => {
    resolveAttempt(attemptId, deps)
      .then((resolution) => {
        getLogger().info({ attemptId, resolution }, 'open attempt looked up');
        if (resolution === 'still_unknown') scheduleOutcomeLookup(attemptId, deps, round + 1);
      })
      .catch((error: unknown) => {
        getLogger().error({ err: error, attemptId }, 'open attempt lookup failed');
        scheduleOutcomeLookup(attemptId, deps, round + 1);
      });
  }, delay);
  timer.unref?.();
}

/** Settles every attempt left open for more than `olderThanMs` (e.g. by a crash). */
export async function resolveOpenAttempts(deps: Deps, olderThanMs = 120_000): Promise<Record<Resolution, number>> {
  const counts: Record<Resolution, number> = { issued: 0, not_issued: 0, still_unknown: 0, already_resolved: 0 };
  const open = await openAttempts(deps.db, new Date(Date.now() - olderThanMs), 500);
  for (const attempt of open) counts[await resolveAttempt(attempt.id, deps)] += 1;
  return counts;
}

const globalForRecovery = globalThis as unknown as { __billingKeyRecoveryStarted?: boolean };

/** Once per process, shortly after the first issuance: settle what an earlier process left open. */
export function ensureRecoveryStarted(deps: Deps): void {
  if (globalForRecovery.__billingKeyRecoveryStarted) return;
  globalForRecovery.__billingKeyRecoveryStarted = true;
  const timer = setTimeout(() => {
    resolveOpenAttempts(deps)
      .then((counts) => getLogger().info({ counts }, 'open attempts from earlier runs settled'))
      .catch((error: unknown) => getLogger().error({ err: error }, 'settling open attempts failed'));
  }, 1_000);
  timer.unref?.();
}
