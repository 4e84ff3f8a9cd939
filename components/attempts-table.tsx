import Link from 'next/link';
import type { AttemptView } from '@/lib/model/billing-keys';
import { formatKst } from '@/lib/format';
import { ATTEMPT_OUTCOME_LABELS } from '@/lib/validations/attempts';

const OUTCOME_STYLES: Record<AttemptView['outcome'], string> = {
  issued: 'bg-emerald-100 text-emerald-900 border-emerald-300',
  rejected: 'bg-red-100 text-red-900 border-red-300',
  unknown: 'bg-amber-100 text-amber-950 border-amber-400',
  failed: 'bg-slate-200 text-slate-900 border-slate-400',
  pending: 'bg-blue-100 text-blue-900 border-blue-300',
};

export function OutcomeBadge({ outcome }: { outcome: AttemptView['outcome'] }) {
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${OUTCOME_STYLES[outcome]}`}
    >
      {ATTEMPT_OUTCOME_LABELS[outcome]}
    </span>
  );
}

export const keyDetailHref = (customerUid: string) => `/keys/${encodeURIComponent(customerUid)}`;

const th = 'px-3 py-2 text-left text-xs font-semibold text-slate-700 whitespace-nowrap';
const td = 'px-3 py-2 align-top text-sm text-slate-900';

/** Issuance attempts as a table: time (KST), customer_uid, PG/MID, outcome, Iamport and PG codes, duration. */
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
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              시각 (KST)
            </th>
            {showCustomerUid && (
              <th scope="col" className={th}>
                고객 결제수단 ID
              </th>
            )}
            <th scope="col" className={th}>
              PG / MID
            </th>
            <th scope="col" className={th}>
              결과
            </th>
            <th scope="col" className={th}>
              Iamport 코드 · 메시지
            </th>
            <th scope="col" className={th}>
              PG 코드
            </th>
            <th scope="col" className={`${th} text-right`}>
              소요 (ms)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {attempts.map((attempt) => (
            <tr key={attempt.id}>
              <td className={`${td} whitespace-nowrap`}>
                <time dateTime={attempt.startedAt}>{formatKst(attempt.startedAt)}</time>
              </td>
              {showCustomerUid && (
                <td className={`${td} font-mono break-all`}>
                  <Link
                    href={keyDetailHref(attempt.customerUid)}
                    className="text-blue-700 underline underline-offset-2"
                  >
                    {attempt.customerUid}
                  </Link>
                </td>
              )}
              <td className={`${td} font-mono whitespace-nowrap`}>
                {attempt.pgProvider ?? attempt.requestedPg ?? '—'}
                {attempt.pgId && <span className="text-slate-600"> / {attempt.pgId}</span>}
              </td>
              <td className={td}>
                <OutcomeBadge outcome={attempt.outcome} />
                {attempt.errorCode && attempt.outcome !== 'rejected' && (
                  <span className="mt-1 block font-mono text-xs text-slate-600">{attempt.errorCode}</span>
                )}
              </td>
              <td className={`${td} max-w-md`}>
                {attempt.iamportCode !== null && (
                  <span className="mr-1 font-mono text-xs text-slate-600">[{attempt.iamportCode}]</span>
                )}
                <span className="break-words">
                  {attempt.iamportMessage ?? (attempt.outcome === 'issued' ? '정상 발급' : '—')}
                </span>
              </td>
              <td className={`${td} font-mono`}>{attempt.pgCode ?? '—'}</td>
              <td className={`${td} text-right font-mono`}>{attempt.durationMs ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
