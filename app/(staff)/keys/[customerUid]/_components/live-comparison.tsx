import type { ReactNode } from 'react';
import type { BillingKeyDetail, BillingKeyView, ComparedField } from '@/lib/model/billing-keys';
import { CARD_TYPE_LABELS, formatKst } from '@/lib/format';
import { pgDisplayName } from '@/lib/gateways/catalog';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/table';

interface Row {
  label: string;
  field: keyof BillingKeyView;
  render: (key: BillingKeyView) => ReactNode;
}

const none = <span className="text-slate-500">없음</span>;
const text = (value: string | null) => (value === null ? none : value);
const mono = (value: string | null) => (value === null ? none : <span className="font-mono">{value}</span>);
const time = (iso: string) => <time dateTime={iso}>{formatKst(iso)}</time>;

const ROWS: readonly Row[] = [
  { label: 'PG사', field: 'pgProvider', render: (key) => `${pgDisplayName(key.pgProvider)} (${key.pgProvider})` },
  { label: '상점아이디 (MID)', field: 'pgId', render: (key) => mono(key.pgId) },
  { label: '카드사', field: 'cardName', render: (key) => text(key.cardName) },
  { label: '카드사 코드', field: 'cardCode', render: (key) => mono(key.cardCode) },
  { label: '카드번호 (마스킹)', field: 'cardNumberMasked', render: (key) => mono(key.cardNumberMasked) },
  { label: '카드 종류', field: 'cardType', render: (key) => CARD_TYPE_LABELS[key.cardType] },
  { label: '최초 발급 (Iamport)', field: 'insertedAt', render: (key) => time(key.insertedAt) },
  { label: '마지막 변경 (Iamport)', field: 'updatedAt', render: (key) => time(key.updatedAt) },
  { label: '구매자 ID', field: 'customerId', render: (key) => mono(key.customerId) },
  { label: '카드 소유자 이름', field: 'customerName', render: (key) => text(key.customerName) },
  { label: '연락처', field: 'customerTel', render: (key) => text(key.customerTel) },
  { label: '이메일', field: 'customerEmail', render: (key) => text(key.customerEmail) },
  {
    label: '채널 구분',
    field: 'sandbox',
    render: (key) => (key.sandbox === true ? '테스트 채널' : key.sandbox === false ? '실제 채널' : '알 수 없음'),
  },
];

function liveCellFallback(detail: BillingKeyDetail): ReactNode {
  if (detail.liveStatus === 'missing') return <span className="font-semibold text-red-800">Iamport에 없음</span>;
  return <span className="text-slate-600">확인할 수 없음</span>;
}

/** The stored record and the live key row by row; rows that differ are highlighted and say so. */
export function LiveComparison({ detail }: { detail: BillingKeyDetail }) {
  const differing = new Set<string>(detail.differences satisfies ComparedField[]);
  const { stored, billingKey: live } = detail;
  return (
    <section aria-labelledby="comparison-title" className="space-y-2">
      <h2 id="comparison-title" className="text-lg font-bold">
        콘솔 기록과 Iamport 비교
      </h2>
      <DataTable
        label="콘솔 기록과 Iamport 비교 표"
        caption="콘솔에 저장된 기록과 Iamport의 실시간 정보, 항목별 비교"
        rows={ROWS}
        rowKey={(row) => row.field}
        rowTone={(row) => (differing.has(row.field) ? 'warn' : undefined)}
        columns={[
          { header: '항목', rowHeader: true, primary: true, cell: (row) => row.label },
          {
            header: '콘솔 기록',
            className: 'break-all',
            cell: (row) => (stored ? row.render(stored) : <span className="text-slate-600">기록 없음</span>),
          },
          {
            header: 'Iamport 실시간',
            label: 'Iamport',
            className: (row) => `break-all ${differing.has(row.field) ? 'font-semibold text-amber-950' : ''}`,
            cell: (row) => (live ? row.render(live) : liveCellFallback(detail)),
          },
          {
            header: '비교',
            className: 'whitespace-nowrap',
            cell: (row) =>
              differing.has(row.field) ? (
                <Badge tone="amber" className="border-amber-500 font-bold">
                  Iamport에서 변경됨
                </Badge>
              ) : stored && live ? (
                <span className="text-xs text-slate-600">같음</span>
              ) : (
                <span className="text-xs text-slate-600">—</span>
              ),
          },
        ]}
      />
    </section>
  );
}
