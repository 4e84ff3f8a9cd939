import 'server-only';
import { auditRow, recordAuditOutcome } from '@/lib/audit';
import type { RequestContext } from '@/lib/model/staff';
import { databaseUnavailable, type Db } from '@/lib/db';
import { attemptByIdempotencyKey, finishAttempt, startAttempt, type AttemptFinish } from '@/lib/db/attempts';
import { findStoredKey } from '@/lib/db/billing-keys';
import { acquireLease } from '@/lib/db/issue-locks';
import type { BillingKeyRow, IssueAttemptRow } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import { upsertIssuedKey } from '@/lib/db/billing-keys';
import { AppError } from '@/lib/errors';
import { IamportRejectedError, type CustomerAnnotation } from '@/lib/iamport';
import type { IamportRuntime } from '@/lib/runtime';
import { defineUseCase, type Resolved, type UseCaseDeps } from '@/lib/runtime/deps';
import { getLogger } from '@/lib/log';
import { providerOfPg } from '@/lib/gateways/catalog';
import { toIamportBody, type IssueBillingKeyInput } from '@/lib/validations/billing-key';
import { checkChannel } from './channels';
import { toAppError } from '@/lib/iamport/app-errors';
import { findCurrentKey } from './guard';
import { verifyGuardCheck } from './guard-token';
import { storedToView, toBillingKeyView } from './mapping';
import { nudgeRecovery } from './recovery-loop';
import type { IssueResult } from '@/lib/model/billing-keys';

/**
 * Who asks, and, for a card the customer typed on a card-registration link, that link: the attempt
 * and the audit event are then marked as entered by the customer (the actor stays the agent who sent it).
 */
export interface IssueContext extends RequestContext {
  link?: { id: string };
}

export interface IssueDeps extends UseCaseDeps {
  /** How long to wait for another issuance to the same customer_uid to finish; default: issue timeout + 5 s. */
  leaseWaitMs?: number;
}

/** Runs a storage step; an unreachable database becomes the 503 that promises nothing was sent. */
async function storage<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw databaseUnavailable(error);
  }
}

function attemptFailure(appError: unknown, error: unknown, durationMs: number): AttemptFinish {
  const code = appError instanceof AppError ? appError.code : 'internal_error';
  const rejected = error instanceof IamportRejectedError ? error : null;
  return {
    outcome: code === 'card_rejected' ? 'rejected' : code === 'outcome_unknown' ? 'unknown' : 'failed',
    errorCode: code,
    errorMessage: appError instanceof Error ? appError.message : null,
    iamportCode: rejected?.iamportCode ?? null,
    iamportMessage: rejected?.iamportMessage ?? null,
    pgCode: rejected?.pgCode ?? null,
    durationMs,
  };
}

/**
 * Issues (or, once confirmed, replaces) a billing key. The attempt is written before Iamport is
 * called and completed after, so an issued key is never lost; no database, no call.
 */
export const issueBillingKey = defineUseCase(
  async (
    input: IssueBillingKeyInput,
    context: IssueContext,
    { db, runtime, leaseWaitMs }: Resolved<IssueDeps>,
  ): Promise<IssueResult> => {
    const key = input.idempotency_key;
    // A first request still under way (pending) is waited for through the uid's lease below.
    const replayed = key ? await storage(() => replayIfKnown(db, key, { pending: 'wait' })) : null;
    if (replayed) return replayed;
    await checkChannel(input, runtime, context.actor, { db });

    // One issuance per customer_uid at a time, across every instance sharing the database.
    const waitMs = leaseWaitMs ?? getEnv().IAMPORT_ISSUE_TIMEOUT_MS + 5_000;
    const lease = await storage(() => acquireLease(db, input.customer_uid, { waitMs }));
    if (!lease) {
      throw new AppError(
        'issuance_in_progress',
        '이 고객 결제수단 ID로 다른 발급이 아직 진행 중입니다. 잠시 후 조회해 결과를 확인하세요.',
      );
    }
    try {
      // The lease's previous holder may have been this very request, retried.
      const replayedNow = key ? await storage(() => replayIfKnown(db, key, { pending: 'in_progress' })) : null;
      if (replayedNow) return replayedNow;
      return await issueUnderLease(input, context, { runtime, db });
    } finally {
      await lease.release().catch((error: unknown) => getLogger().error({ err: error }, 'issue lease not released'));
    }
  },
);

/**
 * The answer a request with an already-used idempotency key gets: the first request's outcome,
 * never a second call to Iamport.
 */
async function replayIfKnown(
  db: Db,
  idempotencyKey: string,
  options: { pending: 'wait' | 'in_progress' },
): Promise<IssueResult | null> {
  const attempt = await attemptByIdempotencyKey(db, idempotencyKey);
  if (!attempt) return null;
  if (attempt.outcome === 'pending') {
    if (options.pending === 'wait') return null;
    // Its request ended without an outcome (the process died mid-call): recovery settles it.
    throw new AppError(
      'issuance_in_progress',
      '같은 요청이 아직 처리 중입니다. 잠시 후 고객 결제수단 ID로 조회해 결과를 확인하세요.',
    );
  }
  return replayAttempt(db, attempt);
}

async function replayAttempt(db: Db, attempt: IssueAttemptRow): Promise<IssueResult> {
  if (attempt.outcome === 'issued') {
    const stored = await findStoredKey(db, attempt.customerUid);
    if (stored) return { billingKey: storedToView(stored), replaced: attempt.replaced ?? false, mode: attempt.appMode };
  }
  if (attempt.outcome === 'rejected' || attempt.outcome === 'failed') {
    const code = (attempt.errorCode ?? 'upstream_unavailable') as ConstructorParameters<typeof AppError>[0];
    throw new AppError(code, attempt.errorMessage ?? '이 요청은 이미 처리되었고 실패했습니다.', {
      iamportMessage: attempt.iamportMessage ?? undefined,
      iamportCode: attempt.iamportCode ?? undefined,
      pgCode: attempt.pgCode,
    });
  }
  throw new AppError(
    'outcome_unknown',
    '같은 요청의 결과가 아직 확인되지 않았습니다. 빌링키가 발급되었을 수도 있습니다. 다시 발급하기 전에 고객 결제수단 ID로 조회하세요.',
  );
}

const CUSTOMER_FIELDS = [
  ['customer_id', 'customerId'],
  ['customer_name', 'customerName'],
  ['customer_tel', 'customerTel'],
  ['customer_email', 'customerEmail'],
  ['customer_addr', 'customerAddr'],
  ['customer_postcode', 'customerPostcode'],
] as const;

/** The input with each blank customer field taken from the stored key: a blank never erases a stored value. */
export function withStoredCustomer(
  input: IssueBillingKeyInput,
  stored: BillingKeyRow | undefined,
): IssueBillingKeyInput {
  if (!stored) return input;
  const kept = { ...input };
  for (const [field, column] of CUSTOMER_FIELDS) {
    const storedValue = stored[column];
    if (!input[field]?.trim() && storedValue) kept[field] = storedValue;
  }
  return kept;
}

async function issueUnderLease(
  input: IssueBillingKeyInput,
  context: IssueContext,
  { runtime, db }: { runtime: IamportRuntime; db: Db },
): Promise<IssueResult> {
  const log = getLogger();
  const uid = input.customer_uid;

  if (!input.replace_confirmed) {
    // The form looked the uid up (Iamport included) moments ago and carries the signed proof: then
    // the database alone is checked and the issuance costs a single Iamport round trip.
    const storedOnly = verifyGuardCheck(input.guard_check, uid);
    const current = await findCurrentKey(uid, { db, runtime, storedOnly });
    if (current) {
      throw new AppError(
        'replacement_unconfirmed',
        '이 고객 결제수단 ID에는 이미 활성 빌링키가 있습니다. 교체하려면 기존 카드를 확인하고 교체에 동의하세요. 이전 빌링키는 PG에서 해지되지 않습니다.',
        { existing: current.billingKey },
      );
    }
  }

  // A confirmed replacement keeps the customer's stored details the form left blank (sent to Iamport too).
  const sent = input.replace_confirmed ? withStoredCustomer(input, await storage(() => findStoredKey(db, uid))) : input;

  const attemptId = await storage(() =>
    startAttempt(db, {
      customerUid: uid,
      requestedPg: input.pg || null,
      channelKey: input.channel_key || null,
      pgProvider: providerOfPg(input.pg) ?? null,
      appMode: runtime.mode,
      actorId: context.actor?.id ?? null,
      idempotencyKey: input.idempotency_key ?? null,
      linkId: context.link?.id ?? null,
    }),
  );
  const started = performance.now();
  const logContext = { customerUid: uid, pg: input.pg, mode: runtime.mode, attemptId };
  const enteredBy = context.link ? { enteredBy: 'customer', linkId: context.link.id } : {};

  let annotation: CustomerAnnotation;
  try {
    annotation = await runtime.client.issueBillingKey(uid, toIamportBody(sent));
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const appError = toAppError(error, 'issue');
    const failure = attemptFailure(appError, error, durationMs);
    log.info({ ...logContext, outcome: failure.outcome, pgCode: failure.pgCode, ms: durationMs }, 'issuance');
    await finishAttempt(db, attemptId, failure).catch((dbError: unknown) => {
      log.error({ err: dbError, attemptId }, 'attempt outcome not recorded');
      nudgeRecovery();
    });
    await recordAuditOutcome(db, context, {
      action: 'billing_key.issue',
      result: 'failure',
      targetType: 'billing_key',
      targetId: uid,
      details: { attemptId, pg: input.pg, error: failure.errorCode, pgCode: failure.pgCode, ...enteredBy },
    });
    // An unknown outcome (or one we could not record) is settled by this instance's recovery loop.
    if (failure.outcome === 'unknown') nudgeRecovery();
    throw appError;
  }

  const durationMs = Math.round(performance.now() - started);
  const replaced = annotation.inserted !== annotation.updated;
  const billingKey = toBillingKeyView(annotation);
  log.info({ ...logContext, outcome: 'issued', replaced, ms: durationMs }, 'issuance');
  try {
    // The key, the attempt's outcome and the audit event in one statement: all recorded or none.
    await upsertIssuedKey(
      db,
      annotation,
      { appMode: runtime.mode, channelKey: input.channel_key || null, actorId: context.actor?.id ?? null },
      {
        attempt: {
          id: attemptId,
          finish: {
            outcome: 'issued',
            pgProvider: annotation.pg_provider,
            pgId: annotation.pg_id,
            replaced,
            durationMs,
          },
        },
        audit: auditRow(context, {
          action: replaced ? 'billing_key.replace' : 'billing_key.issue',
          result: 'success',
          targetType: 'billing_key',
          targetId: uid,
          details: {
            attemptId,
            pgProvider: billingKey.pgProvider,
            pgId: billingKey.pgId,
            cardName: billingKey.cardName,
            cardNumberMasked: billingKey.cardNumberMasked,
            ...enteredBy,
          },
        }),
      },
    );
  } catch (error) {
    // The key exists at Iamport; the attempt stays pending and recovery records it from a lookup.
    log.error({ err: error, ...logContext }, 'issued key not recorded; left for recovery');
    nudgeRecovery();
  }
  return { billingKey, replaced, mode: runtime.mode };
}
