import type { ReactNode } from 'react';
import type { BillingKeyDetail, BillingKeyView, ComparedField } from '@/lib/model/billing-keys';
import { CARD_TYPE_LABELS, formatKst } from '@/lib/format';
import { pgDisplayName } from '@/lib/gateways/catalog';

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

const th = 'px-3 py-2 text-left text-xs font-semibold text-slate-700';

/** The stored record and the live key row by row; rows that differ are highlighted and say so. */
export function LiveComparison({ detail }: { detail: BillingKeyDetail }) {
  const differing = new Set<string>(detail.differences satisfies ComparedField[]);
  const { stored, billingKey: live } = detail;
  return (
    <section aria-labelledby="comparison-title" className="space-y-2">
      <h2 id="comparison-title" className="text-lg font-bold">
        콘솔 기록과 Iamport 비교
      </h2>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200">
          <caption className="sr-only">콘솔에 저장된 기록과 Iamport의 실시간 정보, 항목별 비교</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={th}>
                항목
              </th>
              <th scope="col" className={th}>
                콘솔 기록
              </th>
              <th scope="col" className={th}>
                Iamport 실시간
              </th>
              <th scope="col" className={th}>
                비교
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ROWS.map((row) => {
              const differs = differing.has(row.field);
              return (
                <tr key={row.field} className={differs ? 'bg-amber-50' : undefined}>
                  <th scope="row" className="px-3 py-2 text-left text-sm font-medium text-slate-700">
                    {row.label}
                  </th>
                  <td className="px-3 py-2 text-sm break-all">
                    {stored ? row.render(stored) : <span className="text-slate-600">기록 없음</span>}
                  </td>
                  <td className={`px-3 py-2 text-sm break-all ${differs ? 'font-semibold text-amber-950' : ''}`}>
                    {live ? row.render(live) : liveCellFallback(detail)}
                  </td>
                  <td className="px-3 py-2 text-sm whitespace-nowrap">
                    {differs ? (
                      <span className="rounded border border-amber-500 bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-950">
                        Iamport에서 변경됨
                      </span>
                    ) : stored && live ? (
                      <span className="text-xs text-slate-600">같음</span>
                    ) : (
                      <span className="text-xs text-slate-600">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
