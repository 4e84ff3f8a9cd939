import type { BillingKeyView } from '@/lib/model/billing-keys';
import { CARD_TYPE_LABELS, formatKst } from '@/lib/format';
import { pgDisplayName } from '@/lib/gateways/catalog';
import { Badge } from './ui/badge';
import { DescriptionList } from './ui/description-list';
import { CopyButton } from './copy-button';

interface BillingKeyCardProps {
  billingKey: BillingKeyView;
  /** Set right after an issuance: new key or replacement of an existing customer_uid. */
  replaced?: boolean;
  title?: string;
  headingId?: string;
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
          <div className="flex gap-2">
            {key.sandbox === true && (
              <Badge tone="amber" className="border-transparent bg-amber-300">
                테스트 채널 (sandbox)
              </Badge>
            )}
            {key.sandbox === false && (
              <Badge tone="red" solid>
                실제 채널
              </Badge>
            )}
            {replaced !== undefined && (
              <Badge
                tone={replaced ? 'orange' : 'green'}
                className={replaced ? 'border-transparent bg-orange-300' : 'border-transparent bg-emerald-300'}
              >
                {replaced ? '교체' : '신규'}
              </Badge>
            )}
          </div>
        </div>
        <p className="mt-4 text-sm text-slate-300">
          {key.cardName ?? '카드사 정보 없음'}
          {key.cardCode && <span className="ml-2 font-mono">코드 {key.cardCode}</span>}
          <span className="ml-2">· {CARD_TYPE_LABELS[key.cardType]}</span>
        </p>
        <p
          className="mt-1 font-mono text-2xl tracking-widest break-all"
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
      <DescriptionList
        divided
        className="px-5 py-3"
        items={[
          {
            term: '고객 결제수단 ID',
            value: (
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-mono break-all">{key.customerUid}</span>
                <CopyButton value={key.customerUid} label="고객 결제수단 ID 복사" />
              </span>
            ),
          },
          {
            term: 'PG',
            value: (
              <>
                {pgDisplayName(key.pgProvider)} <span className="font-mono text-slate-600">({key.pgProvider})</span>
              </>
            ),
          },
          { term: '상점아이디 (MID)', value: <span className="font-mono">{key.pgId}</span> },
          { term: '카드 종류', value: CARD_TYPE_LABELS[key.cardType] },
          { term: '구매자 ID', value: dash(key.customerId) },
          { term: '카드 소유자 이름', value: dash(key.customerName) },
          { term: '연락처', value: dash(key.customerTel) },
          { term: '이메일', value: dash(key.customerEmail) },
          { term: '주소', value: dash(key.customerAddr) },
          { term: '우편번호', value: dash(key.customerPostcode) },
          { term: '최초 발급', value: <time dateTime={key.insertedAt}>{formatKst(key.insertedAt)}</time> },
          { term: '마지막 변경', value: <time dateTime={key.updatedAt}>{formatKst(key.updatedAt)}</time> },
        ]}
      />
    </section>
  );
}
