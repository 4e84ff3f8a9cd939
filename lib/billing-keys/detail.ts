import 'server-only';
import { attemptsForKey } from '@/lib/db/attempts';
import { findStoredKey, keyHistory } from '@/lib/db/billing-keys';
import type { BillingKeyRow } from '@/lib/db/schema';
import { listAuditEvents, recordAudit, recordAuditOutcome } from '@/lib/audit';
import { toTrailEvent } from '@/lib/audit/query';
import type { RequestContext } from '@/lib/model/staff';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { IamportNotFoundError, type CustomerAnnotation } from '@/lib/iamport';
import { toAppError } from '@/lib/iamport/app-errors';
import { compareWithLive, liveStateOf, recordLiveState } from './live-state';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import type {
  BillingKeyDetail,
  ComparedField,
  KeyHistoryView,
  LiveStatus,
  StoredBillingKeyView,
} from '@/lib/model/billing-keys';
import { toAttemptView, toBillingKeyView, toHistoryView, toStoredView } from './mapping';
import { staffEmailsById } from '@/lib/db/staff';

const MODE_LABEL = { sandbox: '샌드박스', live: '실제 Iamport' } as const;

type LiveAnswer =
  | { status: 'present'; annotation: CustomerAnnotation }
  | { status: 'missing' }
  | { status: 'unavailable'; message: string; error: unknown };

export const NOT_FOUND_MESSAGE = '콘솔에 기록이 없고 Iamport에도 이 고객 결제수단 ID로 등록된 빌링키가 없습니다.';

/**
 * The key as stored beside the key as Iamport has it now, with its history, attempts and audit
 * trail. Records the comparison on the stored row and a `billing_key.lookup` audit event.
 * @throws AppError not_found when neither has it; upstream_unavailable when nothing is stored and Iamport cannot say.
 */
export const getBillingKeyDetail = defineUseCase(
  async (customerUid: string, context: RequestContext, { db, runtime }: Resolved): Promise<BillingKeyDetail> => {
    const stored = await findStoredKey(db, customerUid);
    const live = await askIamport(customerUid, stored, runtime.mode, () => runtime.client.getBillingKey(customerUid));

    const differences: ComparedField[] =
      stored && live.status === 'present' ? compareWithLive(stored, live.annotation) : [];
    const audit = (result: 'success' | 'failure', extra: Record<string, unknown> = {}) =>
      // A look that failed is recorded as well as can be; a successful one is not shown unless recorded.
      (result === 'failure' ? recordAuditOutcome : recordAudit)(db, context, {
        action: 'billing_key.lookup',
        result,
        targetType: 'billing_key',
        targetId: customerUid,
        details: {
          liveStatus: live.status,
          stored: stored !== undefined,
          differences,
          cardNumberMasked:
            (live.status === 'present' ? live.annotation.card_number : stored?.cardNumberMasked) ?? null,
          ...extra,
        },
      });

    if (!stored && live.status !== 'present') {
      if (live.status === 'missing') {
        await audit('success');
        throw new AppError('not_found', NOT_FOUND_MESSAGE);
      }
      await audit('failure', { error: errorCode(live.error) });
      throw live.error;
    }

    let current = stored;
    if (stored && live.status !== 'unavailable') {
      const next = liveStateOf(stored, live.status === 'missing' ? 'missing' : { differences });
      await recordLiveState(db, stored, next);
      current = await findStoredKey(db, customerUid);
    }
    await audit(live.status === 'unavailable' ? 'failure' : 'success', {
      ...(live.status === 'unavailable' ? { error: errorCode(live.error) } : {}),
      ...(current ? { liveState: current.liveState } : {}),
    });

    const [history, attempts, events] = await Promise.all([
      keyHistory(db, customerUid),
      attemptsForKey(db, customerUid, 50),
      listAuditEvents(db, { targetType: 'billing_key', targetId: customerUid, limit: 100 }),
    ]);
    const people = await withStaffEmails(db, current ? toStoredView(current) : null, history.map(toHistoryView));
    return {
      billingKey: live.status === 'present' ? toBillingKeyView(live.annotation) : null,
      stored: people.stored,
      liveStatus: live.status satisfies LiveStatus,
      liveError: live.status === 'unavailable' ? live.message : null,
      differences,
      history: people.history,
      attempts: attempts.map(toAttemptView),
      audit: events.map(toTrailEvent),
    };
  },
);

async function askIamport(
  customerUid: string,
  stored: BillingKeyRow | undefined,
  mode: 'sandbox' | 'live',
  get: () => Promise<CustomerAnnotation>,
): Promise<LiveAnswer> {
  if (stored && stored.appMode !== mode) {
    const message = `이 빌링키는 ${MODE_LABEL[stored.appMode]} 모드에서 발급되어, 지금 연결된 ${MODE_LABEL[mode]}에서는 확인할 수 없습니다.`;
    return { status: 'unavailable', message, error: new AppError('upstream_unavailable', message) };
  }
  try {
    return { status: 'present', annotation: await get() };
  } catch (error) {
    if (error instanceof IamportNotFoundError) return { status: 'missing' };
    const appError = toAppError(error, 'read');
    if (!(appError instanceof AppError)) throw appError;
    return { status: 'unavailable', message: appError.message, error: appError };
  }
}

function errorCode(error: unknown): string {
  return error instanceof AppError ? error.code : 'unknown';
}

const emailOf = (emails: Map<string, string>, id: string | null) => (id ? (emails.get(id) ?? null) : null);

/** Who issued, deleted and replaced each earlier card, by email, in one query. */
async function withStaffEmails(
  db: Db,
  stored: StoredBillingKeyView | null,
  history: KeyHistoryView[],
): Promise<{ stored: StoredBillingKeyView | null; history: KeyHistoryView[] }> {
  const emails = await staffEmailsById(db, [
    stored?.issuedBy,
    stored?.deletedBy,
    ...history.map((entry) => entry.replacedBy),
  ]);
  return {
    stored: stored && {
      ...stored,
      issuedByEmail: emailOf(emails, stored.issuedBy),
      deletedByEmail: emailOf(emails, stored.deletedBy),
    },
    history: history.map((entry) => ({ ...entry, replacedByEmail: emailOf(emails, entry.replacedBy) })),
  };
}
