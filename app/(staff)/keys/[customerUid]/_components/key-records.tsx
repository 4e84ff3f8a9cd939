import { AuditTable } from '@/components/audit-table';
import { StaffLabel } from '@/components/staff-label';
import { Card } from '@/components/ui/card';
import { DescriptionList } from '@/components/ui/description-list';
import { EmptyState } from '@/components/ui/empty-state';
import { timeColumn } from '@/components/table-columns';
import { DataTable } from '@/components/ui/table';
import type { AuditEventView, KeyHistoryView, StoredBillingKeyView } from '@/lib/model/billing-keys';
import { CARD_TYPE_LABELS, formatKst } from '@/lib/format';
const NO_ACCOUNT = '알 수 없음 (계정 기능 도입 전)';

/** Short names: on this page every event is about this one key. */
const ACTION_LABELS: Record<string, string> = {
  'billing_key.issue': '발급',
  'billing_key.replace': '카드 교체',
  'billing_key.lookup': 'Iamport 조회',
  'billing_key.delete': '삭제',
  'billing_key.acknowledge': '대조 결과 확인',
};
/** Who deleted the key, when and why; shown instead of the delete form once it is gone. */
export function DeletedNotice({ stored }: { stored: StoredBillingKeyView }) {
  return (
    <section aria-labelledby="deleted-title" className="rounded-xl border border-slate-400 bg-slate-100 p-5">
      <h2 id="deleted-title" tabIndex={-1} className="text-lg font-bold text-slate-900">
        삭제된 빌링키
      </h2>
      <DescriptionList
        terms="narrow"
        className="mt-2"
        items={[
          {
            term: '삭제 일시',
            value: stored.deletedAt ? (
              <time dateTime={stored.deletedAt}>{formatKst(stored.deletedAt)}</time>
            ) : (
              '기록 없음'
            ),
          },
          {
            term: '삭제한 사람',
            value: <StaffLabel id={stored.deletedBy} email={stored.deletedByEmail} none={NO_ACCOUNT} />,
          },
          { term: '삭제 사유', value: stored.deleteReason ?? '기록 없음' },
        ]}
      />
    </section>
  );
}

export function RecordFacts({ stored }: { stored: StoredBillingKeyView }) {
  return (
    <Card className="p-4">
      <DescriptionList
        columns={2}
        terms="narrow"
        label="콘솔 기록"
        items={[
          { term: '콘솔 기록 일시', value: <time dateTime={stored.issuedAt}>{formatKst(stored.issuedAt)}</time> },
          {
            term: '발급한 사람',
            value: <StaffLabel id={stored.issuedBy} email={stored.issuedByEmail} none={NO_ACCOUNT} />,
          },
          { term: '발급 모드', value: stored.appMode === 'live' ? '실제 Iamport' : '샌드박스' },
          {
            term: '마지막 대조',
            value: stored.liveCheckedAt ? (
              <time dateTime={stored.liveCheckedAt}>{formatKst(stored.liveCheckedAt)}</time>
            ) : (
              '아직 없음'
            ),
          },
        ]}
      />
    </Card>
  );
}

export function HistoryTable({ history }: { history: KeyHistoryView[] }) {
  return (
    <section aria-labelledby="history-title" className="space-y-2">
      <h2 id="history-title" className="text-lg font-bold">
        교체된 이전 카드
      </h2>
      {history.length === 0 ? (
        <EmptyState className="text-left">이 고객 결제수단 ID에서 카드가 교체된 적이 없습니다.</EmptyState>
      ) : (
        <DataTable
          label="교체된 이전 카드 표"
          caption="교체되기 전 카드 목록, 최근 교체 순"
          rows={history}
          columns={[
            timeColumn<KeyHistoryView>('교체 일시 (KST)', (entry) => entry.replacedAt),
            {
              header: '카드',
              cell: (entry) => (
                <>
                  {entry.cardName ?? '카드사 정보 없음'}{' '}
                  <span className="font-mono">{entry.cardNumberMasked ?? '****'}</span>
                  <small>{CARD_TYPE_LABELS[entry.cardType]}</small>
                </>
              ),
            },
            {
              header: 'PG / MID',
              className: 'font-mono',
              cell: (entry) => `${entry.pgProvider} / ${entry.pgId}`,
            },
            {
              header: 'Iamport 발급 / 변경',
              label: '발급 / 변경',
              className: 'text-xs',
              cell: (entry) => (
                <>
                  {formatKst(entry.insertedAt)}
                  <br />
                  {formatKst(entry.updatedAt)}
                </>
              ),
            },
            {
              header: '교체한 사람',
              cell: (entry) => <StaffLabel id={entry.replacedBy} email={entry.replacedByEmail} none={NO_ACCOUNT} />,
            },
          ]}
        />
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
        <EmptyState className="text-left">기록된 작업이 없습니다.</EmptyState>
      ) : (
        <AuditTable
          events={events}
          caption="이 빌링키에 대한 작업 기록, 최신 순"
          label="이 빌링키의 감사 기록 표"
          actionName={(action) => ACTION_LABELS[action] ?? action}
          hiddenDetails={['attemptId', 'stored']}
        />
      )}
    </section>
  );
}
