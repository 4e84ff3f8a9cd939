'use client';

import { useMutation } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { BillingKeyDetail } from '@/lib/model/billing-keys';
import { api } from '@/lib/client/api';

type Tone = 'ok' | 'warn' | 'bad' | 'muted';

const TONES: Record<Tone, { alert: 'success' | 'warning' | 'error' | 'neutral'; badge: BadgeTone }> = {
  ok: { alert: 'success', badge: 'green' },
  warn: { alert: 'warning', badge: 'amber' },
  bad: { alert: 'error', badge: 'red' },
  muted: { alert: 'neutral', badge: 'slate' },
};

/** One verdict on stored vs live, in the reviewer's words. */
export function verdictOf(detail: BillingKeyDetail): { label: string; text: string; tone: Tone } {
  const { stored, liveStatus } = detail;
  if (liveStatus === 'unavailable') {
    return {
      label: '실시간 상태를 확인할 수 없음',
      text: `${detail.liveError ?? 'Iamport에 연결할 수 없습니다.'} 아래는 콘솔에 저장된 기록입니다.`,
      tone: 'warn',
    };
  }
  if (!stored) {
    return {
      label: 'Iamport에만 있음',
      text: '콘솔에 기록이 없는 빌링키입니다. 콘솔 밖에서 (또는 기록을 시작하기 전에) 발급되었습니다.',
      tone: 'warn',
    };
  }
  if (stored.status === 'deleted') {
    return liveStatus === 'missing'
      ? { label: '삭제됨', text: '콘솔에서 삭제된 빌링키이며, Iamport에도 없습니다.', tone: 'muted' }
      : {
          label: '삭제됨으로 기록되었지만 Iamport에 있음',
          text: '콘솔에는 삭제로 기록되어 있지만 Iamport에는 빌링키가 있습니다. 다시 발급되었을 수 있습니다.',
          tone: 'bad',
        };
  }
  if (liveStatus === 'missing') {
    return {
      label: 'Iamport에 없음',
      text: '콘솔에는 있지만 Iamport에서는 이 빌링키를 찾을 수 없습니다. 콘솔 밖에서 삭제되었을 수 있습니다.',
      tone: 'bad',
    };
  }
  if (detail.differences.length > 0) {
    return {
      label: 'Iamport에서 변경됨',
      text: '콘솔 밖에서 카드가 교체되었을 수 있습니다. 다른 항목을 아래 표에서 강조했습니다.',
      tone: 'warn',
    };
  }
  return { label: 'Iamport와 일치', text: '콘솔 기록과 Iamport의 실시간 정보가 같습니다.', tone: 'ok' };
}

/** The verdict, and "확인함" for an open reconcile finding; `onChanged` re-reads the page. */
export function LiveStatus({ detail, onChanged }: { detail: BillingKeyDetail; onChanged: () => void }) {
  const verdict = verdictOf(detail);
  const tone = TONES[verdict.tone];
  const uid = detail.stored?.customerUid ?? detail.billingKey?.customerUid ?? '';
  const acknowledge = useMutation({ mutationFn: () => api.acknowledgeLiveState(uid), onSuccess: onChanged });
  const stored = detail.stored;
  const openFinding =
    stored?.status === 'active' &&
    (stored.liveState === 'changed' || stored.liveState === 'missing') &&
    stored.liveStateAcknowledgedAt === null;

  return (
    <section aria-labelledby="live-status-title">
      <Alert tone={tone.alert} className="space-y-2 p-4">
        <h2 id="live-status-title" className="text-sm font-semibold text-slate-700">
          Iamport 실시간 상태
        </h2>
        <p>
          <Badge tone={tone.badge} solid className="px-2 py-1 text-sm">
            {verdict.label}
          </Badge>
        </p>
        <p className="text-slate-900">{verdict.text}</p>
        {openFinding && (
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" size="sm" onClick={() => acknowledge.mutate()} disabled={acknowledge.isPending}>
              확인함
            </Button>
            <span className="text-xs text-slate-700">
              대조 결과를 확인했다고 표시하면 Iamport 대조 목록에서 빠집니다.
            </span>
          </div>
        )}
        {stored?.liveStateAcknowledgedAt && stored.liveState !== 'same' && (
          <p className="text-xs text-slate-700">이 차이는 확인됨으로 표시되어 있습니다.</p>
        )}
        <div role="status">
          {acknowledge.isError && <span className="text-red-800">확인 표시 실패: {acknowledge.error.message}</span>}
        </div>
      </Alert>
    </section>
  );
}
