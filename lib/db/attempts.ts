import 'server-only';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from './client';
import { issueAttempts, type IssueAttemptRow } from './schema';

export interface AttemptStart {
  customerUid: string;
  requestedPg: string | null;
  channelKey: string | null;
  pgProvider: string | null;
  appMode: 'sandbox' | 'live';
  actorId: string | null;
  idempotencyKey?: string | null;
  /** Set when the customer typed the card on a card-registration link. */
  linkId?: string | null;
}

export type AttemptOutcome = 'issued' | 'rejected' | 'unknown' | 'failed';

export interface AttemptFinish {
  outcome: AttemptOutcome;
  errorCode?: string | null;
  errorMessage?: string | null;
  iamportCode?: number | null;
  iamportMessage?: string | null;
  pgCode?: string | null;
  pgProvider?: string | null;
  pgId?: string | null;
  replaced?: boolean | null;
  durationMs: number;
}

/** Written before Iamport is called, so a crash mid-call leaves a `pending` row to resolve later. */
export async function startAttempt(db: Db, start: AttemptStart): Promise<string> {
  const [row] = await db
    .insert(issueAttempts)
    .values({
      ...start,
      idempotencyKey: start.idempotencyKey ?? null,
      linkId: start.linkId ?? null,
      enteredBy: start.linkId ? 'customer' : null,
      outcome: 'pending',
    })
    .returning({ id: issueAttempts.id });
  if (!row) throw new Error('attempt insert returned no row');
  return row.id;
}

/** The columns an attempt's outcome sets. */
export function attemptFinishValues(finish: AttemptFinish) {
  return {
    outcome: finish.outcome,
    errorCode: finish.errorCode ?? null,
    errorMessage: finish.errorMessage ?? null,
    iamportCode: finish.iamportCode ?? null,
    iamportMessage: finish.iamportMessage ?? null,
    pgCode: finish.pgCode ?? null,
    ...(finish.pgProvider ? { pgProvider: finish.pgProvider } : {}),
    ...(finish.pgId ? { pgId: finish.pgId } : {}),
    replaced: finish.replaced ?? null,
    durationMs: finish.durationMs,
    finishedAt: new Date(),
  };
}

export async function finishAttempt(db: Db, id: string, finish: AttemptFinish): Promise<void> {
  await db.update(issueAttempts).set(attemptFinishValues(finish)).where(eq(issueAttempts.id, id));
}

export async function attemptsForKey(db: Db, customerUid: string, limit = 100): Promise<IssueAttemptRow[]> {
  return db
    .select()
    .from(issueAttempts)
    .where(eq(issueAttempts.customerUid, customerUid))
    .orderBy(desc(issueAttempts.startedAt))
    .limit(limit);
}

/** Attempts whose outcome is still open (crashed mid-call, or timed out) and older than `olderThan`. */
export async function openAttempts(db: Db, olderThan: Date, limit = 100): Promise<IssueAttemptRow[]> {
  return db
    .select()
    .from(issueAttempts)
    .where(and(inArray(issueAttempts.outcome, ['pending', 'unknown']), lt(issueAttempts.startedAt, olderThan)))
    .orderBy(issueAttempts.startedAt)
    .limit(limit);
}

export async function attemptByIdempotencyKey(db: Db, key: string): Promise<IssueAttemptRow | undefined> {
  const [row] = await db.select().from(issueAttempts).where(eq(issueAttempts.idempotencyKey, key));
  return row;
}
