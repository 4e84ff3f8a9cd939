import 'server-only';
import type { Params } from './body';
import { cardNameFor, type BinEntry } from './cards';

type PgField = 'birth' | 'pwd_2digit' | 'customer_id' | 'customer_name' | 'cvc';

/** Why a PG refuses a card in the sandbox; each PG words it in its own form with its own code. */
export type PgReason = 'invalid_card' | 'expired' | 'declined' | 'wrong_password' | 'wrong_birth';

/** A PG's reason code and its message text. */
type PgWording = [code: string, text: string];

const bracketFirst = (code: string, text: string) => `[${code}]${text}`;

/**
 * How one PG's module words a refusal that Iamport passes on after `카드정보 인증 및 빌키 발급에
 * 실패하였습니다. `. nice and nice_v2 are recorded (docs/iamport.md §3); the other PGs' forms and codes are the
 * sandbox's own choice (unconfirmed), made different on purpose so that a client reading only nice's
 * `[code]message` is caught (docs/sandbox.md "PG message forms"). A PG not listed uses nice's form.
 */
const PG_FORMATS: Record<string, (code: string, text: string) => string> = {
  nice: bracketFirst,
  nice_v2: (code, text) => `[400]Error From NICEPAY. (message: ${text}, code:${code})`,
  kcp: (code, text) => `[${code}] ${text}`,
  ksnet: (code, text) => `${text} (응답코드 ${code})`,
  tosspayments: bracketFirst,
  welcome: (code, text) => `${text} [${code}]`,
  daou: (code, text) => `[DAOU]${text} (code=${code})`,
};

/**
 * Each PG's code and text for a reason, keyed `pg reason`. A reason a PG has no entry for is worded
 * as nice words it (nice_v2 but for the card number; inicis, settle, paymentwall, ...).
 */
const REASON_WORDINGS: Record<`${string} ${PgReason}`, PgWording> = {
  'nice invalid_card': ['F112', '유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)'],
  'nice expired': ['F113', '유효기간오류'],
  'nice declined': ['F114', '해당카드 사용불가 가맹점(타카드 사용요망)'],
  'nice wrong_password': ['F115', '비밀번호틀림'],
  'nice wrong_birth': ['F116', '주민OR사업자등록번호오류'],
  'nice_v2 invalid_card': ['F112', '카드번호틀림'],
  'kcp invalid_card': ['8108', '카드번호 오류'],
  'kcp expired': ['8116', '유효기간 오류'],
  'kcp declined': ['8140', '가맹점 사용불가 카드 (타카드 사용요망)'],
  'kcp wrong_password': ['8135', '비밀번호 오류'],
  'kcp wrong_birth': ['8137', '주민번호(생년월일) 오류'],
  'ksnet invalid_card': ['7003', '카드번호오류'],
  'ksnet expired': ['7004', '유효기간오류'],
  'ksnet declined': ['7059', '가맹점 사용불가카드'],
  'ksnet wrong_password': ['7051', '비밀번호오류'],
  'ksnet wrong_birth': ['7052', '주민번호오류'],
  'tosspayments invalid_card': ['INVALID_CARD_NUMBER', '카드번호를 다시 확인해주세요.'],
  'tosspayments expired': ['INVALID_CARD_EXPIRATION', '카드 유효기간을 다시 확인해주세요.'],
  'tosspayments declined': ['REJECT_CARD_COMPANY', '카드사에서 거절한 거래입니다. (해당카드 사용불가 가맹점)'],
  'tosspayments wrong_password': ['INVALID_PASSWORD', '카드 비밀번호가 일치하지 않습니다.'],
  'tosspayments wrong_birth': [
    'INVALID_CARD_IDENTITY',
    '입력하신 생년월일(사업자번호)이 카드 소유주 정보와 일치하지 않습니다.',
  ],
  'welcome invalid_card': ['W201', '카드번호 오류'],
  'welcome expired': ['W202', '유효기간 오류'],
  'welcome declined': ['W203', '사용불가 가맹점 카드'],
  'welcome wrong_password': ['W205', '비밀번호 오류'],
  'welcome wrong_birth': ['W206', '생년월일 오류'],
  'daou invalid_card': ['1001', '카드번호 오류'],
  'daou expired': ['1002', '유효기간 오류'],
  'daou declined': ['1007', '가맹점 사용불가 카드'],
  'daou wrong_password': ['1005', '비밀번호 오류'],
  'daou wrong_birth': ['1006', '생년월일 오류'],
};

/**
 * The fields a PG needs (`x-portone-per-pg` in the OpenAPI), in the order its module checks them,
 * each with the PG's refusal when it is missing.
 */
const REQUIRED_FIELDS: Record<string, [field: PgField, ...wording: PgWording][]> = {
  ksnet: [
    ['birth', 'V501', '생년월일(사업자번호) 미입력'],
    ['pwd_2digit', 'V502', '비밀번호 앞 2자리 미입력'],
  ],
  tosspayments: [['customer_id', 'INVALID_REQUEST', 'customerKey는 필수 입력값입니다.']],
  welcome: [['customer_name', 'W103', '구매자명(buyerName)은 필수 입력값입니다.']],
  paymentwall: [['cvc', '3004', 'Please enter a valid CVV/CVC code']],
};

/** A PG's code in its own form: the code and the `pgPart` after Iamport's prefix. */
function worded(pgProvider: string, [code, text]: PgWording): { code: string; pgPart: string } {
  return { code, pgPart: (PG_FORMATS[pgProvider] ?? bracketFirst)(code, text) };
}

/** What the PG answers for a reason: its code and the `pgPart` after Iamport's prefix. */
export function pgRejection(pgProvider: string, reason: PgReason): { code: string; pgPart: string } {
  const wording = REASON_WORDINGS[`${pgProvider} ${reason}`] ?? REASON_WORDINGS[`nice ${reason}`];
  if (!wording) throw new Error(`no wording of ${reason}`);
  return worded(pgProvider, wording);
}

/** The first field this PG requires that `params` lacks, with the PG's refusal, or undefined. */
export function missingPgFieldRejection(
  pgProvider: string,
  params: Params,
): { field: PgField; code: string; pgPart: string } | undefined {
  const missing = REQUIRED_FIELDS[pgProvider]?.find(([field]) => params[field] === undefined);
  if (!missing) return undefined;
  const [field, ...wording] = missing;
  return { field, ...worded(pgProvider, wording) };
}

/** The PG's rejection when a field it requires is missing, or undefined. */
export function missingPgField(pgProvider: string, params: Params): string | undefined {
  return missingPgFieldRejection(pgProvider, params)?.pgPart;
}

/**
 * The reason code this PG answers, in the sandbox, when the first field it requires is missing
 * (null for a PG that requires none): what the QA runner's `missing_pg_field` cell expects.
 */
export function sandboxMissingFieldCode(pgProvider: string): string | null {
  return REQUIRED_FIELDS[pgProvider]?.[0]?.[1] ?? null;
}

/** Rejects a `pwd_2digit` or `birth` that was sent but is malformed, as the PG would. */
export function malformedPgField(pgProvider: string, params: Params): string | undefined {
  const password = params.pwd_2digit;
  if (password !== undefined && !/^\d{2}$/.test(password)) {
    return pgProvider === 'nice_v2'
      ? '[400].issueCard.password2Digits:Invalid 2 digits of password!'
      : pgRejection(pgProvider, 'wrong_password').pgPart;
  }
  const birth = params.birth;
  if (birth !== undefined && !/^(\d{6}|\d{10})$/.test(birth)) {
    return pgProvider === 'nice_v2'
      ? `[400]Invalid Request. Please Check this argument: birthOrBusinessRegistrationNumber InvalidLength(${birth.length})`
      : pgRejection(pgProvider, 'wrong_birth').pgPart;
  }
  return undefined;
}

const WITH_CUSTOMER_ID = new Set(['nice_v2', 'tosspayments']);
const WITH_ISSUER_PUBLISHER = new Set(['tosspayments', 'ksnet', 'nice_v2', 'welcome']);

export interface PgCardFields {
  card_name: string;
  card_code: string;
  card_type: number | null;
  /** Present only for the PGs that report them. */
  extras: Record<string, string | null>;
}

/** Card fields of the annotation as this PG reports them, plus its PG-specific extras. */
export function pgCardFields(pgProvider: string, entry: BinEntry, params: Params): PgCardFields {
  const name = cardNameFor(entry, pgProvider);
  const extras: Record<string, string | null> = {};
  if (WITH_CUSTOMER_ID.has(pgProvider)) extras.customer_id = params.customer_id ?? null;
  if (WITH_ISSUER_PUBLISHER.has(pgProvider)) {
    extras.card_issuer_code = entry.cardCode;
    extras.card_issuer_name = name;
    extras.card_publisher_code = entry.cardCode;
    extras.card_publisher_name = name;
  }
  return { card_name: name, card_code: entry.cardCode, card_type: entry.cardType, extras };
}
