import { ErrorExplanation } from '@/components/error-explanation';
import { OUTCOME_LABELS, QA_SCENARIO_INFO } from '@/lib/qa/scenarios';
import type { QaCell, QaChannelSnapshot } from '@/lib/model/qa';
import { latencyText } from './matrix';

const pre =
  'max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-50';

/** One cell opened: the request as sent (redacted) and Iamport's answer, with the explainer for a refusal. */
export function CellDetail({ cell, channel }: { cell: QaCell; channel: QaChannelSnapshot | undefined }) {
  const info = QA_SCENARIO_INFO[cell.scenario];
  return (
    <div className="space-y-3">
      <h3 className="text-base font-semibold">
        {channel?.channelName ?? cell.channelKey} × {info.label}
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-700">결과</dt>
        <dd className="font-semibold">
          {OUTCOME_LABELS[cell.outcome]}
          {cell.pgCode && <span className="ml-2 font-mono">PG 코드 {cell.pgCode}</span>}
          {cell.iamportCode !== null && <span className="ml-2 font-mono">code {cell.iamportCode}</span>}
        </dd>
        <dt className="text-slate-700">예상 (샌드박스)</dt>
        <dd>{OUTCOME_LABELS[cell.expected]}</dd>
        <dt className="text-slate-700">지연 시간</dt>
        <dd className="font-mono">{latencyText(cell)}</dd>
        <dt className="text-slate-700">고객 결제수단 ID</dt>
        <dd className="font-mono break-all">{cell.customerUid ?? '— (보내지 않음)'}</dd>
      </dl>
      {cell.message && (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
          <span className="font-semibold">{cell.outcome === 'rejected' ? 'Iamport 메시지: ' : '메시지: '}</span>
          {cell.message}
        </p>
      )}
      {cell.outcome === 'rejected' && <ErrorExplanation message={cell.message} />}
      <div className="grid gap-3 lg:grid-cols-2">
        <section aria-label="요청 (마스킹됨)">
          <h4 className="mb-1 text-sm font-semibold">요청 (카드번호 마스킹, 비밀값 **)</h4>
          <pre tabIndex={0} className={pre}>
            {cell.request ? JSON.stringify(cell.request, null, 2) : '보내지 않았습니다.'}
          </pre>
        </section>
        <section aria-label="응답">
          <h4 className="mb-1 text-sm font-semibold">응답</h4>
          <pre tabIndex={0} className={pre}>
            {cell.response ? JSON.stringify(cell.response, null, 2) : '아직 응답이 없습니다.'}
          </pre>
        </section>
      </div>
    </div>
  );
}
