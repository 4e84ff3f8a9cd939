import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { None, Table, TableFrame, TBody, TD, TH, THead, TR } from '@/components/ui/table';
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

export const keyDetailHref = (customerUid: string) => `/keys/${encodeURIComponent(customerUid)}`;

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
    <TableFrame label={caption}>
      <Table caption={caption} cards>
        <THead>
          <tr>
            <TH>시각 (KST)</TH>
            {showCustomerUid && <TH>고객 결제수단 ID</TH>}
            <TH>PG / MID</TH>
            <TH>결과</TH>
            <TH>Iamport 코드 · 메시지</TH>
            <TH>PG 코드</TH>
            <TH className="text-right">소요 (ms)</TH>
          </tr>
        </THead>
        <TBody>
          {attempts.map((attempt) => (
            <TR key={attempt.id}>
              <TD label="시각" primary={!showCustomerUid} className="whitespace-nowrap">
                <time dateTime={attempt.startedAt}>{formatKst(attempt.startedAt)}</time>
              </TD>
              {showCustomerUid && (
                <TD primary className="md:max-w-56">
                  <Link
                    href={keyDetailHref(attempt.customerUid)}
                    className="font-mono break-all text-blue-700 underline underline-offset-2"
                  >
                    {attempt.customerUid}
                  </Link>
                </TD>
              )}
              <TD label="PG / MID" className="font-mono whitespace-nowrap">
                {attempt.pgProvider ?? attempt.requestedPg ?? <None />}
                {attempt.pgId && <span className="text-slate-600"> / {attempt.pgId}</span>}
              </TD>
              <TD label="결과">
                <OutcomeBadge outcome={attempt.outcome} replaced={attempt.replaced === true} />
                {attempt.outcome === 'issued' && attempt.replaced === true && (
                  <small className="mt-1 block">기존 카드를 새 카드로 바꿈</small>
                )}
                {attempt.errorCode && attempt.outcome !== 'rejected' && (
                  <small className="mt-1">{errorCodeLabel(attempt.errorCode)}</small>
                )}
              </TD>
              <TD label="메시지" className="md:max-w-md md:min-w-56">
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
              </TD>
              <TD label="PG 코드" className="font-mono">
                {attempt.pgCode ?? '—'}
              </TD>
              <TD label="소요 (ms)" className="font-mono md:text-right">
                {attempt.durationMs ?? '—'}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
