'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { BillingKeyCard } from '@/components/billing-key-card';
import { ErrorExplanation } from '@/components/error-explanation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { api } from '@/lib/client/api';
import { queries, queryKeys } from '@/lib/client/query';
import { formatKst } from '@/lib/format';
import type { LinkAttemptView, LinkDetail } from '@/lib/model/links';
import { LinkStatusBadge } from './link-status';

const OUTCOME_LABELS: Record<LinkAttemptView['outcome'], string> = {
  pending: '처리 중',
  issued: '등록됨',
  rejected: '거절',
  unknown: '결과 모름',
  failed: '실패',
};

const isOpen = (detail: LinkDetail | undefined) =>
  !detail || detail.link.status === 'active' || detail.link.status === 'issuing';

/**
 * The link's live state, polled every 2 s while it is open (the database holds it, so any instance
 * answers): sent, opened, each attempt with the PG's message and its explanation, then the key.
 */
export function LinkLive({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...queries.link(id),
    refetchInterval: (current) => (isOpen(current.state.data) ? 2_000 : false),
  });
  const [confirming, setConfirming] = useState(false);
  // The button is gone once the link is revoked: focus goes back to the link's status instead.
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const revoke = useMutation({
    mutationFn: () => api.revokeLink(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.link(id) }),
  });
  const detail = query.data;
  if (!detail) {
    return (
      <p role="status" className="text-sm text-slate-700">
        {query.error ? `링크 상태를 불러오지 못했습니다: ${query.error.message}` : '링크 상태를 불러오는 중…'}
      </p>
    );
  }
  const { link, attempts, billingKey } = detail;
  return (
    <section aria-labelledby="link-live-title" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="link-live-title" ref={statusHeading} tabIndex={-1} className="text-lg font-bold text-slate-900">
          링크 상태
        </h2>
        <LinkStatusBadge status={link.status} />
        {link.status === 'active' && (
          <>
            <Button variant="danger-outline" size="sm" onClick={() => setConfirming(true)} disabled={revoke.isPending}>
              {revoke.isPending ? '폐기 중…' : '링크 폐기'}
            </Button>
            <ConfirmDialog
              open={confirming}
              onOpenChange={setConfirming}
              title="이 링크를 폐기할까요?"
              description={
                <p>
                  고객이 이 링크를 열면 취소된 링크라고 나옵니다. 되돌릴 수 없고, 다시 보내려면 새 링크를 만들어야
                  합니다.
                </p>
              }
              confirmLabel="링크 폐기"
              busy={revoke.isPending}
              returnFocus={statusHeading}
              onConfirm={() => {
                setConfirming(false);
                revoke.mutate();
              }}
            />
          </>
        )}
      </div>
      {revoke.error && <Alert tone="error">{revoke.error.message}</Alert>}
      <ol aria-label="진행 기록" className="space-y-2 border-l-2 border-slate-300 pl-4 text-sm">
        <li>
          만듦: {formatKst(link.createdAt)} · 만료: {formatKst(link.expiresAt)}
        </li>
        {link.deliveries.map((delivery, index) => (
          <li key={index}>
            {delivery.channel === 'email' ? '이메일' : '메시지(웹훅)'}{' '}
            {delivery.status === 'sent' ? '보냄' : '보내지 못함'}: {formatKst(delivery.at)}
            {delivery.tries > 1 ? ` · ${delivery.tries}회 시도` : ''}
            {delivery.error ? ` · ${delivery.error}` : ''}
          </li>
        ))}
        <li>{link.openedAt ? `고객이 열었습니다: ${formatKst(link.openedAt)}` : '고객이 아직 열지 않았습니다.'}</li>
        {attempts.map((attempt, index) => (
          <li key={attempt.id} className="space-y-2">
            <p>
              시도 {index + 1}: <strong>{OUTCOME_LABELS[attempt.outcome]}</strong> · {formatKst(attempt.startedAt)}
            </p>
            {attempt.outcome !== 'issued' && attempt.errorMessage && (
              <p className="text-red-900">{attempt.errorMessage}</p>
            )}
            {attempt.iamportMessage && (
              <p className="rounded border border-slate-200 bg-white p-2 font-mono text-xs break-all">
                Iamport: {attempt.iamportMessage}
                {attempt.pgCode ? ` (PG 코드 ${attempt.pgCode})` : ''}
              </p>
            )}
            {attempt.outcome === 'rejected' && <ErrorExplanation message={attempt.iamportMessage} />}
          </li>
        ))}
        {link.status === 'revoked' && link.revokedAt && <li>폐기됨: {formatKst(link.revokedAt)}</li>}
        {link.status === 'locked' && <li>실패가 5회가 되어 잠겼습니다. 필요하면 새 링크를 보내세요.</li>}
        {link.status === 'expired' && <li>유효 시간이 지나 만료되었습니다.</li>}
      </ol>
      <div role="status" aria-live="polite">
        {billingKey && (
          <BillingKeyCard billingKey={billingKey} title="고객이 카드를 등록했습니다" headingId="link-key-title" />
        )}
      </div>
    </section>
  );
}
