import { customerUidColumn } from '@/components/table-columns';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DataTable, None } from '@/components/ui/table';
import type { AttemptView } from '@/lib/model/billing-keys';
import { formatKst } from '@/lib/format';
import { ATTEMPT_OUTCOME_LABELS } from '@/lib/validations/attempts';
import { errorCodeLabel } from '@/lib/messages';

const OUTCOME_TONES: Record<AttemptView['outcome'], BadgeTone> = {
  issued: 'green',
  rejected: 'red',
  unknown: 'amber',
  failed: 'slate',
  pending: 'blue',
};

export function OutcomeBadge({ outcome, replaced = false }: { outcome: AttemptView['outcome']; replaced?: boolean }) {
  // An issuance that replaced the card behind an existing customer_uid says so: it is not a new key.
  if (outcome === 'issued' && replaced) return <Badge tone="violet">{ATTEMPT_OUTCOME_LABELS.replaced}</Badge>;
  return <Badge tone={OUTCOME_TONES[outcome]}>{ATTEMPT_OUTCOME_LABELS[outcome]}</Badge>;
}

/** Issuance attempts: time (KST), customer_uid, PG/MID, outcome, Iamport and PG codes, duration; cards on a phone. */
export function AttemptsTable({
  attempts,
  caption,
  showCustomerUid = true,
}: {
  attempts: AttemptView[];
  caption: string;
  showCustomerUid?: boolean;
}) {
  return (
    <DataTable
      caption={caption}
      rows={attempts}
      columns={[
        {
          header: '시각 (KST)',
          label: '시각',
          primary: !showCustomerUid,
          className: 'whitespace-nowrap',
          cell: (attempt) => <time dateTime={attempt.startedAt}>{formatKst(attempt.startedAt)}</time>,
        },
        showCustomerUid && customerUidColumn<AttemptView>({ className: 'md:max-w-72' }),
        {
          header: 'PG / MID',
          className: 'font-mono whitespace-nowrap',
          cell: (attempt) => (
            <>
              {attempt.pgProvider ?? attempt.requestedPg ?? <None />}
              {attempt.pgId && <span className="text-slate-600"> / {attempt.pgId}</span>}
            </>
          ),
        },
        {
          header: '결과',
          cell: (attempt) => (
            <>
              <OutcomeBadge outcome={attempt.outcome} replaced={attempt.replaced === true} />
              {attempt.outcome === 'issued' && attempt.replaced === true && (
                <small className="mt-1 block">기존 카드를 새 카드로 바꿈</small>
              )}
              {attempt.errorCode && attempt.outcome !== 'rejected' && (
                <small className="mt-1">{errorCodeLabel(attempt.errorCode)}</small>
              )}
            </>
          ),
        },
        {
          header: 'Iamport 코드 · 메시지',
          label: '메시지',
          className: 'md:max-w-md md:min-w-56',
          cell: (attempt) => (
            <>
              {attempt.iamportCode !== null && (
                <span className="mr-1 font-mono text-xs text-slate-600">[{attempt.iamportCode}]</span>
              )}
              <span className="break-words">
                {attempt.iamportMessage ??
                  (attempt.outcome === 'issued'
                    ? attempt.replaced
                      ? '정상 교체 (같은 고객 결제수단 ID)'
                      : '정상 발급'
                    : '—')}
              </span>
            </>
          ),
        },
        { header: 'PG 코드', className: 'font-mono', cell: (attempt) => attempt.pgCode ?? '—' },
        {
          header: '소요 (ms)',
          headerClassName: 'text-right',
          className: 'font-mono md:text-right',
          cell: (attempt) => attempt.durationMs ?? '—',
        },
      ]}
    />
  );
}
