import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { listAuditEvents, recordAudit, recordAuditOutcome } from '@/lib/audit';
import type { RequestContext } from '@/lib/model/staff';
import type { Db } from '@/lib/db';
import { annotationColumns, findStoredKey } from '@/lib/db/billing-keys';
import { billingKeys } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { IamportError, type CustomerAnnotation } from '@/lib/iamport';
import type { IamportClient } from '@/lib/iamport/client';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { toAppError } from '@/lib/iamport/app-errors';
import { compareWithLive, liveStateOf, recordLiveState } from './live-state';
import type {
  LiveCardView,
  ReconcileCounts,
  ReconcileFinding,
  ReconcileOverview,
  ReconcileResult,
  StoredBillingKeyView,
} from '@/lib/model/billing-keys';
import { toStoredView } from './mapping';

/** Keys per multi-get call (docs/iamport.md §4: the maximum is unconfirmed, 100 is safe). */
export const RECONCILE_BATCH = 100;
/** Keys a run names (could not check; changed, with the card now at Iamport); past it, counts only. */
export const RECONCILE_NAMED_LIMIT = 500;
/** Reconcile runs read back for the card at Iamport of each open finding. */
const LIVE_CARD_RUNS = 20;
/**
 * Failed calls a run may spend narrowing a failing batch down to the uids that break it (one key
 * Iamport cannot answer for must not hide the other 99); past it, the rest counts as unavailable.
 */
const SPLIT_BUDGET = 24;

/** Per uid: the live key, `null` when Iamport says it has none, absent when it could not say. */
type LiveAnswers = Map<string, CustomerAnnotation | null>;

class Lookup {
  failures = 0;
  outage = false;
  constructor(private readonly client: IamportClient) {}

  async answers(uids: string[]): Promise<LiveAnswers> {
    const answers: LiveAnswers = new Map();
    if (uids.length === 0 || this.outage) return answers;
    try {
      const { found, missing } = await this.client.getBillingKeys(uids);
      for (const annotation of found) answers.set(annotation.customer_uid, annotation);
      for (const uid of missing) answers.set(uid, null);
      return answers;
    } catch (error) {
      if (!(error instanceof IamportError) || error.kind === 'unauthorized') throw toAppError(error, 'read');
      this.failures += 1;
      // A timeout is Iamport being down, not one bad key: stop asking.
      if (error.kind === 'timeout' || this.failures >= SPLIT_BUDGET) this.outage = true;
      if (uids.length === 1 || this.outage) return answers;
      const half = Math.ceil(uids.length / 2);
      const first = await this.answers(uids.slice(0, half));
      const second = await this.answers(uids.slice(half));
      return new Map([...first, ...second]);
    }
  }
}

/**
 * Checks every active stored key of the current mode against Iamport, 100 per multi-get, and
 * records same / changed / missing on each. Keys Iamport could not answer for keep their state.
 */
export const reconcileBillingKeys = defineUseCase(
  async (context: RequestContext, { db, runtime }: Resolved): Promise<ReconcileResult> => {
    const startedAt = new Date();
    const counts: ReconcileCounts = { checked: 0, same: 0, changed: 0, missing: 0, unavailable: 0, batches: 0 };
    const lookup = new Lookup(runtime.client);
    const unavailableUids: string[] = [];
    const liveCards: Record<string, LiveCardView> = {};
    let namedChanges = 0;
    let after = '';
    try {
      for (;;) {
        const rows = await db
          .select()
          .from(billingKeys)
          .where(
            and(
              eq(billingKeys.status, 'active'),
              eq(billingKeys.appMode, runtime.mode),
              gt(billingKeys.customerUid, after),
            ),
          )
          .orderBy(asc(billingKeys.customerUid))
          .limit(RECONCILE_BATCH);
        const last = rows.at(-1);
        if (!last) break;
        after = last.customerUid;
        counts.batches += 1;
        const answers = await lookup.answers(rows.map((row) => row.customerUid));
        const at = new Date();
        for (const row of rows) {
          counts.checked += 1;
          const live = answers.get(row.customerUid);
          if (live === undefined) {
            counts.unavailable += 1;
            if (unavailableUids.length < RECONCILE_NAMED_LIMIT) unavailableUids.push(row.customerUid);
            continue;
          }
          const state = liveStateOf(row, live === null ? 'missing' : { differences: compareWithLive(row, live) });
          counts[state] += 1;
          if (state === 'changed' && live && namedChanges < RECONCILE_NAMED_LIMIT) {
            namedChanges += 1;
            liveCards[row.customerUid] = liveCardOf(live);
          }
          await recordLiveState(db, row, state, at);
        }
      }
    } catch (error) {
      await recordAuditOutcome(db, context, {
        action: 'billing_keys.reconcile',
        result: 'failure',
        details: { ...counts, unavailableUids, error: error instanceof AppError ? error.code : 'internal_error' },
      });
      throw error;
    }
    const finishedAt = new Date();
    const allUnavailable = counts.unavailable > 0 && counts.unavailable === counts.checked;
    await recordAudit(db, context, {
      action: 'billing_keys.reconcile',
      result: allUnavailable ? 'failure' : 'success',
      details: {
        ...counts,
        mode: runtime.mode,
        ms: finishedAt.getTime() - startedAt.getTime(),
        unavailableUids,
        liveCards,
      },
    });
    return { ...counts, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), unavailableUids };
  },
);

/** The masked card Iamport holds for a key, as a reconcile records it. */
function liveCardOf(live: CustomerAnnotation): LiveCardView {
  const columns = annotationColumns(live);
  return {
    pgProvider: columns.pgProvider,
    pgId: columns.pgId,
    cardName: columns.cardName,
    cardNumberMasked: columns.cardNumberMasked,
    updatedAt: columns.iamportUpdatedAt.toISOString(),
  };
}

function isLiveCard(value: unknown): value is LiveCardView {
  if (typeof value !== 'object' || value === null) return false;
  const card = value as Record<string, unknown>;
  return typeof card.pgProvider === 'string' && typeof card.pgId === 'string' && typeof card.updatedAt === 'string';
}

/** Per uid, the card at Iamport recorded by the newest of these reconcile runs that saw it changed. */
function liveCardsFrom(events: readonly { details: Record<string, unknown> | null }[]): Map<string, LiveCardView> {
  const cards = new Map<string, LiveCardView>();
  for (const event of events) {
    const recorded = event.details?.liveCards;
    if (typeof recorded !== 'object' || recorded === null) continue;
    for (const [uid, card] of Object.entries(recorded)) {
      if (!cards.has(uid) && isLiveCard(card)) cards.set(uid, card);
    }
  }
  return cards;
}

const uidsFrom = (details: Record<string, unknown> | null): string[] =>
  Array.isArray(details?.unavailableUids)
    ? details.unavailableUids.filter((uid): uid is string => typeof uid === 'string')
    : [];

/** Open findings (changed or missing at Iamport, not yet marked as seen), active keys and the last run. */
export const reconcileOverview = defineUseCase(
  async (deps: Resolved<{ mode?: 'sandbox' | 'live' }>): Promise<ReconcileOverview> => {
    const { db } = deps;
    // The runtime only when no mode is given (a test's runtime wins over the process's).
    const mode = deps.mode ?? deps.runtime.mode;
    const [rows, [active], runs] = await Promise.all([
      db
        .select()
        .from(billingKeys)
        .where(
          and(
            eq(billingKeys.status, 'active'),
            inArray(billingKeys.liveState, ['changed', 'missing']),
            isNull(billingKeys.liveStateAcknowledgedAt),
          ),
        )
        .orderBy(desc(billingKeys.liveCheckedAt), asc(billingKeys.customerUid))
        .limit(500),
      db
        .select({ value: count() })
        .from(billingKeys)
        .where(and(eq(billingKeys.status, 'active'), eq(billingKeys.appMode, mode))),
      listAuditEvents(db, { action: 'billing_keys.reconcile', limit: LIVE_CARD_RUNS }),
    ]);
    const lastRun = runs[0];
    const liveCards = liveCardsFrom(runs);
    return {
      findings: rows.map((row): ReconcileFinding => ({
        customerUid: row.customerUid,
        liveState: row.liveState === 'missing' ? 'missing' : 'changed',
        liveCheckedAt: row.liveCheckedAt?.toISOString() ?? null,
        pgProvider: row.pgProvider,
        pgId: row.pgId,
        cardName: row.cardName,
        cardNumberMasked: row.cardNumberMasked,
        liveCard: row.liveState === 'changed' ? (liveCards.get(row.customerUid) ?? null) : null,
      })),
      activeKeys: active?.value ?? 0,
      lastRun: lastRun
        ? {
            ...countsFrom(lastRun.details),
            unavailableUids: uidsFrom(lastRun.details),
            at: lastRun.at.toISOString(),
            result: lastRun.result === 'success' ? 'success' : 'failure',
          }
        : null,
    };
  },
);

function countsFrom(details: Record<string, unknown> | null): ReconcileCounts {
  const number = (name: keyof ReconcileCounts) => (typeof details?.[name] === 'number' ? (details[name] as number) : 0);
  return {
    checked: number('checked'),
    same: number('same'),
    changed: number('changed'),
    missing: number('missing'),
    unavailable: number('unavailable'),
    batches: number('batches'),
  };
}

/** A reviewer marks a finding as seen ("확인함"): it leaves the list until the live state changes again. */
export const acknowledgeLiveState = defineUseCase(
  async (customerUid: string, context: RequestContext, { db }: Resolved): Promise<StoredBillingKeyView> => {
    const stored = await findStoredKey(db, customerUid);
    if (!stored) throw new AppError('not_found', '콘솔에 이 고객 결제수단 ID로 기록된 빌링키가 없습니다.');
    const at = new Date();
    // The acknowledgement and its audit event: both or neither.
    await db.transaction(async (tx) => {
      await tx
        .update(billingKeys)
        .set({ liveStateAcknowledgedAt: at, liveStateAcknowledgedBy: context.actor?.id ?? null })
        .where(eq(billingKeys.customerUid, customerUid));
      await recordAudit(tx as unknown as Db, context, {
        action: 'billing_key.acknowledge',
        result: 'success',
        targetType: 'billing_key',
        targetId: customerUid,
        details: { liveState: stored.liveState, cardNumberMasked: stored.cardNumberMasked },
      });
    });
    const updated = await findStoredKey(db, customerUid);
    return toStoredView(updated ?? stored);
  },
);
