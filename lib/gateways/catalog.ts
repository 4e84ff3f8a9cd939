/**
 * PG providers of docs/iamport.md §7: Korean name, whether they issue billing keys by the key-in API, and
 * the fields their contract usually requires (OpenAPI `x-portone-per-pg`). Shared by form and server.
 */
export type PerPgField = 'birth' | 'pwd_2digit' | 'cvc' | 'customer_id' | 'customer_name';

export interface PgProviderInfo {
  provider: string;
  name: string;
  /** Issues billing keys through `POST /subscribe/customers/{customer_uid}` (no payment window). */
  keyIn: boolean;
  required: readonly PerPgField[];
  /** Why each required field is needed, shown beside it in the form. */
  reasons?: Partial<Record<PerPgField, string>>;
}

/**
 * The fields a PG's contract usually requires, in the order its module checks them, each with why it
 * is needed (shown beside it in the form).
 */
const REQUIRED_BY_PG: Record<string, Partial<Record<PerPgField, string>>> = {
  tosspayments: {
    customer_id: '토스페이먼츠는 구매자 ID가 없으면 요청마다 새 ID를 만들어 구매자와 카드가 연결되지 않습니다.',
  },
  ksnet: {
    birth: 'KSNET은 카드 본인 확인에 생년월일(법인카드는 사업자등록번호)을 요구합니다.',
    pwd_2digit: 'KSNET은 카드 비밀번호 앞 2자리를 요구합니다.',
  },
  welcome: { customer_name: '웰컴페이먼츠는 카드 소유자 이름을 요구합니다.' },
  paymentwall: { cvc: '페이먼트월은 카드 뒷면 CVC가 필요합니다.' },
};

function provider(id: string, name: string, keyIn: boolean): PgProviderInfo {
  const reasons = REQUIRED_BY_PG[id];
  return { provider: id, name, keyIn, required: Object.keys(reasons ?? {}) as PerPgField[], reasons };
}

export const PG_PROVIDERS: readonly PgProviderInfo[] = [
  provider('nice', '나이스페이먼츠', true),
  provider('nice_v2', '나이스페이먼츠 (신모듈)', true),
  provider('kcp', 'NHN KCP', true),
  provider('kcp_billing', 'NHN KCP 정기결제 (결제창)', false),
  provider('kcp_quick', 'NHN KCP 퀵페이', false),
  provider('tosspayments', '토스페이먼츠', true),
  provider('ksnet', 'KSNET', true),
  provider('daou', '키움페이 (다우)', true),
  provider('welcome', '웰컴페이먼츠', true),
  provider('html5_inicis', 'KG이니시스', true),
  provider('inicis', 'KG이니시스 (구모듈)', true),
  provider('inicis_unified', 'KG이니시스 통합', false),
  provider('settle', '헥토파이낸셜 (세틀뱅크)', true),
  provider('settle_acc', '헥토파이낸셜 계좌', false),
  provider('settle_firm', '헥토파이낸셜 펌뱅킹', false),
  provider('jtnet', 'JTNet (구)', true),
  provider('uplus', 'LG유플러스 (토스페이먼츠 구모듈)', false),
  provider('kicc', 'KICC', false),
  provider('kakaopay', '카카오페이', false),
  provider('danal', '다날 휴대폰결제', false),
  provider('danal_tpay', '다날 신용카드', false),
  provider('mobilians', 'KG모빌리언스', false),
  provider('payco', '페이코', false),
  provider('paypal', '페이팔 (구)', false),
  provider('paypal_v2', '페이팔', false),
  provider('eximbay', '엑심베이', false),
  provider('naverpay', '네이버페이', false),
  provider('naverco', '네이버페이 주문형', false),
  provider('smilepay', '스마일페이', false),
  provider('paymentwall', '페이먼트월', false),
  provider('tosspay', '토스페이 (구)', false),
  provider('tosspay_v2', '토스페이', false),
  provider('smartro', '스마트로 (구)', false),
  provider('smartro_v2', '스마트로', false),
  provider('galaxia', '갤럭시아머니트리', false),
  provider('chai', '차이', false),
];

const byProvider = new Map(PG_PROVIDERS.map((info) => [info.provider, info]));

export function pgProviderInfo(providerId: string | undefined | null): PgProviderInfo | undefined {
  return providerId ? byProvider.get(providerId) : undefined;
}

/** `nice.nictest04m` → `nice`; `kcp` → `kcp`. */
export function providerOfPg(pg: string | undefined | null): string | undefined {
  if (!pg) return undefined;
  return pg.split('.')[0] || undefined;
}

export function requiredFieldsFor(providerId: string | undefined | null): readonly PerPgField[] {
  return pgProviderInfo(providerId)?.required ?? [];
}

export function pgDisplayName(providerId: string): string {
  return pgProviderInfo(providerId)?.name ?? providerId;
}
