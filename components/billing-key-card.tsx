import type { BillingKeyView } from '@/lib/model/billing-keys';
import { CARD_TYPE_LABELS, formatKst } from '@/lib/format';
import { pgDisplayName } from '@/lib/gateways/catalog';
import { CopyButton } from './copy-button';

interface BillingKeyCardProps {
  billingKey: BillingKeyView;
  /** Set right after an issuance: new key or replacement of an existing customer_uid. */
  replaced?: boolean;
  title?: string;
  headingId?: string;
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="text-sm break-all text-slate-900">{children}</dd>
    </div>
  );
}

const dash = (value: string | null) => value ?? <span className="text-slate-500">없음</span>;

/** The issued billing key, masked, as a card. */
export function BillingKeyCard({
  billingKey: key,
  replaced,
  title,
  headingId = 'billing-key-card-title',
}: BillingKeyCardProps) {
  const heading =
    title ?? (replaced === undefined ? '빌링키' : replaced ? '빌링키가 교체되었습니다' : '새 빌링키가 발급되었습니다');
  return (
    <section
      aria-labelledby={headingId}
      className="overflow-hidden rounded-xl border border-slate-300 bg-white shadow-sm"
    >
      <div className="bg-gradient-to-br from-slate-800 to-slate-950 p-5 text-white">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={headingId} tabIndex={-1} className="text-lg font-bold">
            {heading}
          </h2>
          <div className="flex gap-2 text-xs font-bold">
            {key.sandbox === true && (
              <span className="rounded bg-amber-300 px-2 py-0.5 text-amber-950">테스트 채널 (sandbox)</span>
            )}
            {key.sandbox === false && <span className="rounded bg-red-600 px-2 py-0.5 text-white">실제 채널</span>}
            {replaced !== undefined && (
              <span
                className={
                  replaced
                    ? 'rounded bg-orange-300 px-2 py-0.5 text-orange-950'
                    : 'rounded bg-emerald-300 px-2 py-0.5 text-emerald-950'
                }
              >
                {replaced ? '교체' : '신규'}
              </span>
            )}
          </div>
        </div>
        <p className="mt-4 text-sm text-slate-300">
          {key.cardName ?? '카드사 정보 없음'}
          {key.cardCode && <span className="ml-2 font-mono">코드 {key.cardCode}</span>}
          <span className="ml-2">· {CARD_TYPE_LABELS[key.cardType]}</span>
        </p>
        <p
          className="mt-1 font-mono text-2xl tracking-widest"
          aria-label={`마스킹된 카드번호 ${key.cardNumberMasked ?? '없음'}`}
        >
          {key.cardNumberMasked ?? '****'}
        </p>
      </div>
      {replaced && (
        <p className="border-b border-orange-200 bg-orange-50 px-5 py-2 text-sm text-orange-950">
          이 고객 결제수단 ID에 있던 이전 카드를 새 카드로 바꿨습니다. 이전 빌링키는 PG에서 해지되지 않습니다.
        </p>
      )}
      <dl className="divide-y divide-slate-100 px-5 py-3">
        <Row term="고객 결제수단 ID">
          <span className="mr-2 font-mono">{key.customerUid}</span>
          <CopyButton value={key.customerUid} label="고객 결제수단 ID 복사" />
        </Row>
        <Row term="PG">
          {pgDisplayName(key.pgProvider)} <span className="font-mono text-slate-600">({key.pgProvider})</span>
        </Row>
        <Row term="상점아이디 (MID)">
          <span className="font-mono">{key.pgId}</span>
        </Row>
        <Row term="카드 종류">{CARD_TYPE_LABELS[key.cardType]}</Row>
        <Row term="구매자 ID">{dash(key.customerId)}</Row>
        <Row term="카드 소유자 이름">{dash(key.customerName)}</Row>
        <Row term="연락처">{dash(key.customerTel)}</Row>
        <Row term="이메일">{dash(key.customerEmail)}</Row>
        <Row term="주소">{dash(key.customerAddr)}</Row>
        <Row term="우편번호">{dash(key.customerPostcode)}</Row>
        <Row term="최초 발급">
          <time dateTime={key.insertedAt}>{formatKst(key.insertedAt)}</time>
        </Row>
        <Row term="마지막 변경">
          <time dateTime={key.updatedAt}>{formatKst(key.updatedAt)}</time>
        </Row>
      </dl>
    </section>
  );
}
