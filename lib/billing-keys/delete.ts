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
import { resolveDeps, type UseCaseDeps } from './deps';
import { toAppError } from '@/lib/iamport/app-errors';
import { recordLiveState } from './live-state';
import type { DeleteResult } from '@/lib/model/billing-keys';
import { toStoredView } from './mapping';

/**
 * Deletes the key at Iamport (irreversible; `reason` goes along), then marks the stored record
 * deleted with who, when and why. The request is audited before Iamport is called (refused with
 * `audit_unavailable` when it cannot be), its outcome after. A key Iamport no longer has is still marked deleted here.
 * @throws AppError not_found when neither the app nor Iamport knows the uid; Iamport's failures otherwise.
 */
export async function deleteBillingKey(
  customerUid: string,
  input: DeleteBillingKeyInput,
  context: RequestContext,
  deps: UseCaseDeps = {},
): Promise<DeleteResult> {
  const { db, runtime } = await resolveDeps(deps);
  const stored = await findStoredKey(db, customerUid);
  const actorId = context.actor?.id ?? null;
  // QA may delete test keys only: a key issued on a test channel (or by the sandbox).
  if (
    context.actor &&
    !can(context.actor.role, 'keys.delete') &&
    !(stored?.sandbox === true || stored?.appMode === 'sandbox')
  ) {
    throw new AppError('forbidden', 'QA 역할은 테스트 채널에서 발급된 빌링키만 삭제할 수 있습니다.');
  }
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
      if (stored.status === 'active') await markKeyDeleted(db, customerUid, { by: actorId, reason: input.reason, at });
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
