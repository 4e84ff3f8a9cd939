'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { BillingKeyCard } from '@/components/billing-key-card';
import { ErrorExplanation } from '@/components/error-explanation';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { IssueResult } from '@/lib/model/billing-keys';
import { api, ApiError } from '@/lib/client/api';
import type { RejectedField } from '@/lib/gateways/explain';
import { FIELD_LABELS } from '@/lib/validations/billing-key';

export type Outcome =
  | { kind: 'issued'; result: IssueResult }
  | {
      kind: 'rejected';
      message: string;
      iamportMessage: string;
      pgCode: string | null;
      /** The one field the PG named (cleared and focused); null: the card itself was refused (all wiped). */
      field: RejectedField | null;
    }
  | { kind: 'unknown'; message: string; customerUid: string }
  | { kind: 'error'; message: string; errorId?: string };

const panel = 'space-y-3 rounded-xl border p-4 sm:p-5';

/** Said under a failure that left the card on screen: nothing about the card was wrong. */
const CARD_KEPT = '카드 정보는 그대로 두었습니다. 고객에게 다시 묻지 말고 확인 후 다시 발급하세요.';

/**
 * What happened to the last submission: the key, a rejection, an unknown outcome or an error.
 * `onFoundIssued`: the look-up after an unknown outcome found the key, so the kept card can go.
 */
export function IssueOutcome({ outcome, onFoundIssued }: { outcome: Outcome; onFoundIssued?: () => void }) {
  switch (outcome.kind) {
    case 'issued':
      return (
        <BillingKeyCard
          billingKey={outcome.result.billingKey}
          replaced={outcome.result.replaced}
          headingId="outcome-title"
        />
      );
    case 'rejected':
      return (
        <section aria-labelledby="outcome-title" className={cn(panel, 'border-red-300 bg-red-50')}>
          <h2 id="outcome-title" tabIndex={-1} className="text-lg font-bold text-red-900">
            발급 거절
          </h2>
          <p className="text-sm text-red-950">{outcome.message}</p>
          {outcome.pgCode && (
            <p className="text-sm">
              PG 코드:{' '}
              <Badge tone="red" solid className="bg-red-800 font-mono text-sm">
                {outcome.pgCode}
              </Badge>
            </p>
          )}
          <div>
            <p className="text-xs font-semibold text-red-900">Iamport 메시지 (원문)</p>
            <p className="mt-1 rounded border border-red-200 bg-white p-3 font-mono text-sm break-all text-slate-900">
              {outcome.iamportMessage}
            </p>
          </div>
          <ErrorExplanation message={outcome.iamportMessage} />
          <p className="text-sm text-red-950">
            {outcome.field
              ? `${FIELD_LABELS[outcome.field]}만 지웠습니다. 고객에게 ${FIELD_LABELS[outcome.field]}만 다시 확인해 입력하세요. 나머지 카드 정보는 그대로입니다.`
              : '카드 정보는 보안을 위해 지웠습니다. 고객에게 다시 확인해 입력하세요.'}
          </p>
        </section>
      );
    case 'unknown':
      return (
        <UnknownOutcome message={outcome.message} customerUid={outcome.customerUid} onFoundIssued={onFoundIssued} />
      );
    case 'error':
      return (
        <section aria-labelledby="outcome-title" className={cn(panel, 'border-red-300 bg-red-50')}>
          <h2 id="outcome-title" tabIndex={-1} className="text-lg font-bold text-red-900">
            발급하지 못했습니다
          </h2>
          <p className="text-sm text-red-950">{outcome.message}</p>
          <p className="text-sm text-red-950">{CARD_KEPT}</p>
        </section>
      );
  }
}

function UnknownOutcome({
  message,
  customerUid,
  onFoundIssued,
}: {
  message: string;
  customerUid: string;
  onFoundIssued?: () => void;
}) {
  const lookup = useMutation({ mutationFn: () => api.billingKeyDetail(customerUid) });
  // Missing at Iamport (404, or stored here but not there) means it was not issued.
  const notFound =
    (lookup.error instanceof ApiError && lookup.error.body.code === 'not_found') ||
    lookup.data?.liveStatus === 'missing';
  const unavailable = lookup.data?.liveStatus === 'unavailable';
  const live = lookup.data?.billingKey ?? null;
  const foundIssued = Boolean(live) && !notFound;
  useEffect(() => {
    if (foundIssued) onFoundIssued?.();
  }, [foundIssued, onFoundIssued]);
  return (
    <section aria-labelledby="outcome-title" className={cn(panel, 'border-amber-400 bg-amber-50')}>
      <h2 id="outcome-title" tabIndex={-1} className="text-lg font-bold text-amber-950">
        결과를 알 수 없습니다
      </h2>
      <p className="text-sm text-amber-950">{message}</p>
      <p className="text-sm text-amber-950">
        카드 정보는 그대로 두었습니다. 먼저 조회하고, 발급되지 않았을 때만 다시 발급하세요.
      </p>
      <Button variant="warning" onClick={() => lookup.mutate()} disabled={lookup.isPending} className="max-w-full">
        <span className="truncate">{lookup.isPending ? '조회 중…' : `${customerUid} 조회하기`}</span>
      </Button>
      <div role="status" aria-live="polite">
        {notFound && (
          <p className="text-sm font-semibold text-slate-900">
            조회 결과: 이 고객 결제수단 ID로 등록된 빌링키가 없습니다. 발급되지 않았으니 다시 발급해도 됩니다.
          </p>
        )}
        {lookup.error && !notFound && <p className="text-sm text-red-800">조회 실패: {lookup.error.message}</p>}
        {unavailable && (
          <p className="text-sm text-red-800">
            Iamport에 연결할 수 없어 확인하지 못했습니다. 잠시 후 다시 조회하세요. {lookup.data?.liveError ?? ''}
          </p>
        )}
      </div>
      {live && (
        <BillingKeyCard billingKey={live} title="조회 결과: 빌링키가 발급되어 있습니다" headingId="lookup-title" />
      )}
    </section>
  );
}
