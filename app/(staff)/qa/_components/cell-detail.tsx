import { ErrorExplanation } from '@/components/error-explanation';
import { Alert } from '@/components/ui/alert';
import { DescriptionList } from '@/components/ui/description-list';
import { cellMatch, MATCH_LABELS, missingFieldText, OUTCOME_LABELS, QA_SCENARIO_INFO } from '@/lib/qa/scenarios';
import type { QaCell, QaChannelSnapshot, QaResponse } from '@/lib/model/qa';
import { latencyText } from './matrix';

const pre =
  'max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-50';

type ErrorResponse = Extract<QaResponse, { kind: 'error' }>;

/** What went wrong when Iamport gave no usable answer, in Korean; the raw error stays in the response below. */
function errorText(response: ErrorResponse): string {
  const status = response.httpStatus ? ` (HTTP ${response.httpStatus})` : '';
  switch (response.errorKind) {
    case 'timeout':
      return '제한 시간 안에 Iamport의 답이 없었습니다. 발급되었을 수 있어 정리 단계에서 조회합니다.';
    case 'unavailable':
      return `Iamport에 연결하지 못했거나 쓸 수 없는 응답을 받았습니다${status}.`;
    case 'unauthorized':
      return `Iamport가 API 인증을 거부했습니다${status}. 관리자가 API 키를 확인해야 합니다.`;
    case 'not_found':
      return `Iamport가 찾을 수 없다고 답했습니다${status}.`;
    case 'unexpected':
      return '예상하지 못한 오류가 발생했습니다 (서버 로그 참조).';
  }
}

/** The line shown for the cell: Iamport's own message for a refusal, Korean for everything else. */
function messageOf(cell: QaCell): { label: string; text: string } | null {
  if (cell.outcome === 'rejected' && cell.message) return { label: 'Iamport 메시지', text: cell.message };
  if (cell.response?.kind === 'error') return { label: '메시지', text: errorText(cell.response) };
  return cell.message ? { label: '메시지', text: cell.message } : null;
}

/** One cell opened: the request as sent (redacted) and Iamport's answer, with the explainer for a refusal. */
export function CellDetail({ cell, channel }: { cell: QaCell; channel: QaChannelSnapshot | undefined }) {
  const info = QA_SCENARIO_INFO[cell.scenario];
  const message = messageOf(cell);
  const match = cellMatch(cell);
  return (
    <div className="space-y-3">
      <h3 className="text-base font-semibold break-words">
        {channel?.channelName ?? cell.channelKey} × {info.label}
      </h3>
      <DescriptionList
        terms="narrow"
        items={[
          {
            term: '결과',
            value: (
              <span className="font-semibold">
                {OUTCOME_LABELS[cell.outcome]}
                {cell.pgCode && <span className="ml-2 font-mono">PG 코드 {cell.pgCode}</span>}
                {cell.iamportCode !== null && <span className="ml-2 font-mono">code {cell.iamportCode}</span>}
              </span>
            ),
          },
          {
            term: '예상 (샌드박스)',
            value: (
              <span>
                {OUTCOME_LABELS[cell.expected]}
                {cell.expectedPgCode && <span className="ml-2 font-mono">PG 코드 {cell.expectedPgCode}</span>}
                {match && (
                  <strong className={match === 'matched' ? 'ml-2 text-emerald-800' : 'ml-2 text-red-800'}>
                    {match === 'matched' ? '✓ ' : '✗ '}
                    {MATCH_LABELS[match]}
                  </strong>
                )}
              </span>
            ),
          },
          ...(cell.scenario === 'missing_pg_field' && channel
            ? [
                {
                  term: '빠뜨린 항목',
                  value: missingFieldText(channel.pgProvider) ?? '없음 (이 PG는 추가 필수 항목이 없어 발급이 예상됨)',
                },
              ]
            : []),
          { term: '지연 시간', value: <span className="font-mono">{latencyText(cell)}</span> },
          {
            term: '고객 결제수단 ID',
            value: <span className="font-mono break-all">{cell.customerUid ?? '— (보내지 않음)'}</span>,
          },
        ]}
      />
      {message && (
        <Alert tone="neutral" className="py-2">
          <span className="font-semibold">{message.label}: </span>
          {message.text}
        </Alert>
      )}
      {cell.outcome === 'rejected' && <ErrorExplanation message={cell.message} />}
      <div className="grid gap-3 lg:grid-cols-2">
        <section aria-label="요청 (마스킹됨)" className="min-w-0">
          <h4 className="mb-1 text-sm font-semibold">요청 (카드번호 마스킹, 비밀값 **)</h4>
          <pre tabIndex={0} className={pre}>
            {cell.request ? JSON.stringify(cell.request, null, 2) : '보내지 않았습니다.'}
          </pre>
        </section>
        <section aria-label="응답" className="min-w-0">
          <h4 className="mb-1 text-sm font-semibold">응답 (기술 정보, 원문)</h4>
          <pre tabIndex={0} className={pre}>
            {cell.response ? JSON.stringify(cell.response, null, 2) : '아직 응답이 없습니다.'}
          </pre>
        </section>
      </div>
    </div>
  );
}
