import 'server-only';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { authUsers, qaRuns, type QaRunRow } from '@/lib/db/schema';
import type { QaCell, QaCleanup, QaCounts, QaRunStatus, QaRunSummary, QaRunView } from '@/lib/model/qa';

export type NewQaRun = Pick<
  QaRunRow,
  'id' | 'actorId' | 'channels' | 'scenarios' | 'issueTimeoutMs' | 'results' | 'cleanup'
>;
export type QaRunPatch = Partial<Pick<QaRunRow, 'status' | 'results' | 'cleanup' | 'finishedAt' | 'error'>>;

export async function insertQaRun(db: Db, run: NewQaRun): Promise<QaRunRow> {
  const [row] = await db.insert(qaRuns).values(run).returning();
  if (!row) throw new Error('qa run not inserted');
  return row;
}

export async function updateQaRun(db: Db, id: string, patch: QaRunPatch): Promise<void> {
  await db.update(qaRuns).set(patch).where(eq(qaRuns.id, id));
}

export function countOutcomes(cells: readonly QaCell[]): QaCounts {
  const counts: QaCounts = { issued: 0, rejected: 0, unknown: 0, error: 0, skipped: 0 };
  for (const cell of cells) if (cell.outcome !== 'pending') counts[cell.outcome] += 1;
  return counts;
}

/**
 * A run still "running" long after its slowest possible end was cut off (the server stopped): every
 * cell one after another at the full timeout plus a read, and five minutes of slack.
 */
export function staleAfterMs(row: Pick<QaRunRow, 'results' | 'issueTimeoutMs'>): number {
  return row.results.length * (row.issueTimeoutMs + 10_000) + 5 * 60_000;
}

function statusOf(row: QaRunRow, now: Date): QaRunStatus {
  const unfinished = row.status === 'running' || row.status === 'cleaning';
  if (unfinished && now.getTime() - row.createdAt.getTime() > staleAfterMs(row)) return 'interrupted';
  return row.status;
}

export function toQaRunView(row: QaRunRow, actorEmail: string | null, now = new Date()): QaRunView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    actorId: row.actorId,
    actorEmail,
    status: statusOf(row, now),
    channels: row.channels,
    scenarios: row.scenarios,
    issueTimeoutMs: row.issueTimeoutMs,
    counts: countOutcomes(row.results),
    cleanupFailed: row.cleanup.failed.length,
    durationMs: row.finishedAt ? row.finishedAt.getTime() - row.createdAt.getTime() : null,
    results: row.results,
    cleanup: row.cleanup,
    error: row.error,
  };
}

export function toQaRunSummary(view: QaRunView): QaRunSummary {
  const summary: Partial<QaRunView> = { ...view };
  delete summary.results;
  delete summary.cleanup;
  delete summary.error;
  return summary as QaRunSummary;
}

export const findQaRun = defineUseCase(async (id: string, { db }: Resolved): Promise<QaRunView | null> => {
  const [found] = await db
    .select({ run: qaRuns, actorEmail: authUsers.email })
    .from(qaRuns)
    .leftJoin(authUsers, eq(authUsers.id, qaRuns.actorId))
    .where(eq(qaRuns.id, id))
    .limit(1);
  return found ? toQaRunView(found.run, found.actorEmail) : null;
});

/** The latest runs, newest first. */
export const listQaRuns = defineUseCase(
  async ({ db, limit = 30 }: Resolved<{ limit?: number }>): Promise<QaRunSummary[]> => {
    const rows = await db
      .select({ run: qaRuns, actorEmail: authUsers.email })
      .from(qaRuns)
      .leftJoin(authUsers, eq(authUsers.id, qaRuns.actorId))
      .orderBy(desc(qaRuns.createdAt), desc(qaRuns.id))
      .limit(limit);
    return rows.map((row) => toQaRunSummary(toQaRunView(row.run, row.actorEmail)));
  },
);

export const EMPTY_CLEANUP: QaCleanup = { status: 'pending', deleted: [], absent: [], failed: [] };
