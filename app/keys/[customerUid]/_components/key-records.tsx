import type { AuditEventView, KeyHistoryView, StoredBillingKeyView } from '@/lib/model/billing-keys';
import { CARD_TYPE_LABELS, formatKst } from '@/lib/format';

const th = 'px-3 py-2 text-left text-xs font-semibold text-slate-700 whitespace-nowrap';
const td = 'px-3 py-2 align-top text-sm text-slate-900';
const NO_ACCOUNT = '알 수 없음 (계정 기능 도입 전)';

const ACTION_LABELS: Record<string, string> = {
  'billing_key.issue': '발급',
  'billing_key.replace': '카드 교체',
  'billing_key.lookup': 'Iamport 조회',
  'billing_key.delete': '삭제',
  'billing_key.acknowledge': '대조 결과 확인',
};
const RESULT_LABELS = { success: '성공', failure: '실패', denied: '거부' } as const;
const LIVE_STATUS_LABELS: Record<string, string> = { present: '있음', missing: '없음', unavailable: '확인 불가' };
const FIELD_LABELS: Record<string, string> = {
  pgProvider: 'PG사',
  pgId: 'MID',
  cardName: '카드사',
  cardCode: '카드사 코드',
  cardNumberMasked: '카드번호',
  cardType: '카드 종류',
  insertedAt: '최초 발급',
  updatedAt: '마지막 변경',
};

/** A short Korean line of what an event's details say (masked data only is ever stored there). */
function summarize(event: AuditEventView): string {
  const details = event.details ?? {};
  const parts: string[] = [];
  const str = (name: string) => (typeof details[name] === 'string' ? (details[name] as string) : null);
  if (str('reason')) parts.push(`사유: ${str('reason')}`);
  if (str('cardNumberMasked')) parts.push(`카드 ${str('cardNumberMasked')}`);
  if (str('liveStatus')) parts.push(`Iamport: ${LIVE_STATUS_LABELS[str('liveStatus') ?? ''] ?? str('liveStatus')}`);
  if (Array.isArray(details.differences) && details.differences.length > 0) {
    parts.push(
      `다른 항목: ${details.differences.map((field) => FIELD_LABELS[String(field)] ?? String(field)).join(', ')}`,
    );
  }
  if (details.notFoundAtIamport === true) parts.push('Iamport에는 이미 없음');
  if (str('error')) parts.push(`오류: ${str('error')}`);
  return parts.join(' · ') || '—';
}

/** Who deleted the key, when and why; shown instead of the delete form once it is gone. */
export function DeletedNotice({ stored }: { stored: StoredBillingKeyView }) {
  return (
    <section aria-labelledby="deleted-title" className="rounded-xl border border-slate-400 bg-slate-100 p-5">
      <h2 id="deleted-title" tabIndex={-1} className="text-lg font-bold text-slate-900">
        삭제된 빌링키
      </h2>
      <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">삭제 일시</dt>
        <dd>
          {stored.deletedAt ? <time dateTime={stored.deletedAt}>{formatKst(stored.deletedAt)}</time> : '기록 없음'}
        </dd>
        <dt className="text-slate-600">삭제한 사람</dt>
        <dd>{stored.deletedBy ?? NO_ACCOUNT}</dd>
        <dt className="text-slate-600">삭제 사유</dt>
        <dd className="break-words">{stored.deleteReason ?? '기록 없음'}</dd>
      </dl>
    </section>
  );
}

export function RecordFacts({ stored }: { stored: StoredBillingKeyView }) {
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[8rem_1fr_8rem_1fr]">
      <dt className="text-slate-600">콘솔 기록 일시</dt>
      <dd>
        <time dateTime={stored.issuedAt}>{formatKst(stored.issuedAt)}</time>
      </dd>
      <dt className="text-slate-600">발급한 사람</dt>
      <dd>{stored.issuedByEmail ?? stored.issuedBy ?? NO_ACCOUNT}</dd>
      <dt className="text-slate-600">발급 모드</dt>
      <dd>{stored.appMode === 'live' ? '실제 Iamport' : '샌드박스'}</dd>
      <dt className="text-slate-600">마지막 대조</dt>
      <dd>
        {stored.liveCheckedAt ? (
          <time dateTime={stored.liveCheckedAt}>{formatKst(stored.liveCheckedAt)}</time>
        ) : (
          '아직 없음'
        )}
      </dd>
    </dl>
  );
}

export function HistoryTable({ history }: { history: KeyHistoryView[] }) {
  return (
    <section aria-labelledby="history-title" className="space-y-2">
      <h2 id="history-title" className="text-lg font-bold">
        교체된 이전 카드
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-700">이 고객 결제수단 ID에서 카드가 교체된 적이 없습니다.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200">
            <caption className="sr-only">교체되기 전 카드 목록, 최근 교체 순</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>
                  교체 일시 (KST)
                </th>
                <th scope="col" className={th}>
                  카드
                </th>
                <th scope="col" className={th}>
                  PG / MID
                </th>
                <th scope="col" className={th}>
                  Iamport 발급 / 변경
                </th>
                <th scope="col" className={th}>
                  교체한 사람
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {history.map((entry) => (
                <tr key={entry.id}>
                  <td className={`${td} whitespace-nowrap`}>
                    <time dateTime={entry.replacedAt}>{formatKst(entry.replacedAt)}</time>
                  </td>
                  <td className={td}>
                    {entry.cardName ?? '카드사 정보 없음'}{' '}
                    <span className="font-mono">{entry.cardNumberMasked ?? '****'}</span>
                    <span className="block text-xs text-slate-600">{CARD_TYPE_LABELS[entry.cardType]}</span>
                  </td>
                  <td className={`${td} font-mono`}>
                    {entry.pgProvider} / {entry.pgId}
                  </td>
                  <td className={`${td} text-xs`}>
                    {formatKst(entry.insertedAt)}
                    <br />
                    {formatKst(entry.updatedAt)}
                  </td>
                  <td className={td}>{entry.replacedBy ?? NO_ACCOUNT}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function AuditTrail({ events }: { events: AuditEventView[] }) {
  return (
    <section aria-labelledby="audit-title" className="space-y-2">
      <h2 id="audit-title" className="text-lg font-bold">
        감사 기록
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-slate-700">기록된 작업이 없습니다.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200">
            <caption className="sr-only">이 빌링키에 대한 작업 기록, 최신 순</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>
                  시각 (KST)
                </th>
                <th scope="col" className={th}>
                  작업
                </th>
                <th scope="col" className={th}>
                  결과
                </th>
                <th scope="col" className={th}>
                  수행자
                </th>
                <th scope="col" className={th}>
                  IP
                </th>
                <th scope="col" className={th}>
                  내용
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((event) => (
                <tr key={event.id}>
                  <td className={`${td} whitespace-nowrap`}>
                    <time dateTime={event.at}>{formatKst(event.at)}</time>
                  </td>
                  <td className={td}>
                    {ACTION_LABELS[event.action] ?? event.action}
                    <span className="block font-mono text-xs text-slate-600">{event.action}</span>
                  </td>
                  <td
                    className={`${td} whitespace-nowrap ${event.result === 'success' ? '' : 'font-semibold text-red-800'}`}
                  >
                    {RESULT_LABELS[event.result]}
                  </td>
                  <td className={td}>{event.actorEmail ?? event.actorId ?? '—'}</td>
                  <td className={`${td} font-mono text-xs`}>{event.ip ?? '—'}</td>
                  <td className={`${td} break-words`}>{summarize(event)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
