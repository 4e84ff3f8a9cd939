import 'server-only';
import { recordAudit, recordAuditOutcome } from '@/lib/audit';
import { can } from '@/lib/auth/permissions';
import type { RequestContext } from '@/lib/model/staff';
import type { Db } from '@/lib/db';
import { annotationColumns, findStoredKey, markKeyDeleted } from '@/lib/db/billing-keys';
import { billingKeys, type BillingKeyRow } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { IamportNotFoundError, type CustomerAnnotation } from '@/lib/iamport';
import type { DeleteBillingKeyInput } from '@/lib/validations/key-actions';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { toAppError } from '@/lib/iamport/app-errors';
import { recordLiveState } from './live-state';
import type { DeleteResult } from '@/lib/model/billing-keys';
import { toStoredView } from './mapping';
import { cachedChannels } from './channels';
import type { IamportRuntime } from '@/lib/runtime';

/**
 * Deletes the key at Iamport (irreversible; `reason` goes along), then marks the stored record
 * deleted with who, when and why. The request is audited before Iamport is called (refused with
 * `audit_unavailable` when it cannot be), its outcome after. A key Iamport no longer has is still marked deleted here.
 * @throws AppError not_found when neither the app nor Iamport knows the uid; Iamport's failures otherwise.
 */
export const deleteBillingKey = defineUseCase(
  async (
    customerUid: string,
    input: DeleteBillingKeyInput,
    context: RequestContext,
    { db, runtime }: Resolved,
  ): Promise<DeleteResult> => {
    const stored = await findStoredKey(db, customerUid);
    const actorId = context.actor?.id ?? null;
    // QA may delete test keys only, judged by the key as Iamport holds it now.
    if (context.actor && !can(context.actor.role, 'keys.delete'))
      await assertTestKeyAtIamport(customerUid, stored, runtime);
    const about = {
      reason: input.reason,
      cardName: stored?.cardName ?? null,
      cardNumberMasked: stored?.cardNumberMasked ?? null,
    };
    // Deleting at Iamport cannot be undone: the request is audited first, and without it nothing is deleted.
    await recordAudit(db, context, {
      action: 'billing_key.delete_requested',
      result: 'success',
      targetType: 'billing_key',
      targetId: customerUid,
      details: about,
    });
    const audit = (result: 'success' | 'failure', details: Record<string, unknown>) =>
      recordAuditOutcome(db, context, {
        action: 'billing_key.delete',
        result,
        targetType: 'billing_key',
        targetId: customerUid,
        details: { ...about, ...details },
      });

    let deleted: CustomerAnnotation;
    try {
      deleted = await runtime.client.deleteBillingKey(customerUid, { reason: input.reason });
    } catch (error) {
      if (error instanceof IamportNotFoundError && stored) {
        // Gone at Iamport already (deleted elsewhere): the record follows, and says so.
        const at = new Date();
        if (stored.status === 'active')
          await markKeyDeleted(db, customerUid, { by: actorId, reason: input.reason, at });
        await recordLiveState(db, stored, 'same', at);
        await audit('success', { notFoundAtIamport: true, alreadyDeletedHere: stored.status === 'deleted' });
        return result(db, customerUid, true);
      }
      const appError = toAppError(error, 'delete');
      await audit('failure', { error: appError instanceof AppError ? appError.code : 'internal_error' });
      throw appError;
    }

    const at = new Date();
    if (stored) {
      await markKeyDeleted(db, customerUid, { by: actorId, reason: input.reason, at });
      await recordLiveState(db, stored, 'same', at);
    } else {
      await recordLiveOnlyDeletion(db, deleted, runtime.mode, { by: actorId, reason: input.reason, at });
    }
    await audit('success', {
      notFoundAtIamport: false,
      cardName: deleted.card_name ?? stored?.cardName ?? null,
      cardNumberMasked: deleted.card_number ?? stored?.cardNumberMasked ?? null,
    });
    return result(db, customerUid, false);
  },
);

export const QA_DELETE_FORBIDDEN_MESSAGE =
  'QA 역할은 테스트 채널의 빌링키만 삭제할 수 있습니다. 이 키는 지금 Iamport에서 실제 채널에 있습니다.';
export const QA_DELETE_UNCHECKED_MESSAGE =
  'Iamport에서 이 빌링키가 지금 어느 채널에 있는지 확인하지 못해 삭제하지 않았습니다. 잠시 후 다시 시도하세요.';

/**
 * The guard of a QA deletion: the card must be on a test channel at Iamport now (the stored record
 * may be stale: the customer_uid can have been re-issued on a live channel since). Iamport's own
 * `sandbox` flag decides, else the channel list's; a key Iamport no longer has, the stored record.
 * A guard that cannot decide says no.
 */
async function assertTestKeyAtIamport(
  customerUid: string,
  stored: BillingKeyRow | undefined,
  runtime: IamportRuntime,
): Promise<void> {
  let live: CustomerAnnotation | null;
  try {
    live = await runtime.client.getBillingKey(customerUid);
  } catch (error) {
    if (!(error instanceof IamportNotFoundError)) {
      throw new AppError('upstream_unavailable', QA_DELETE_UNCHECKED_MESSAGE);
    }
    live = null;
  }
  let test: boolean;
  if (live === null) {
    test = stored?.sandbox === true || stored?.appMode === 'sandbox';
  } else if (typeof live.sandbox === 'boolean') {
    test = live.sandbox;
  } else {
    const channels = await cachedChannels(runtime).catch(() => {
      throw new AppError('upstream_unavailable', QA_DELETE_UNCHECKED_MESSAGE);
    });
    const channel = channels.find((item) => item.pg_provider === live.pg_provider && item.pg_id === live.pg_id);
    test = channel?.sandbox === true;
  }
  if (!test) throw new AppError('forbidden', QA_DELETE_FORBIDDEN_MESSAGE);
}

/** A key that existed only at Iamport gets a record too, so its deletion stays visible. */
async function recordLiveOnlyDeletion(
  db: Db,
  annotation: CustomerAnnotation,
  mode: BillingKeyRow['appMode'],
  deletion: { by: string | null; reason: string; at: Date },
): Promise<void> {
  const status = {
    status: 'deleted' as const,
    deletedAt: deletion.at,
    deletedBy: deletion.by,
    deleteReason: deletion.reason,
    updatedAt: deletion.at,
    liveState: 'same' as const,
    liveCheckedAt: deletion.at,
  };
  await db
    .insert(billingKeys)
    .values({
      customerUid: annotation.customer_uid,
      ...annotationColumns(annotation),
      appMode: mode,
      issuedBy: null,
      ...status,
    })
    .onConflictDoUpdate({ target: billingKeys.customerUid, set: status });
}

async function result(db: Db, customerUid: string, notFoundAtIamport: boolean): Promise<DeleteResult> {
  const row = await findStoredKey(db, customerUid);
  return { customerUid, notFoundAtIamport, stored: row ? toStoredView(row) : null };
}
