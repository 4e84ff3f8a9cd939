import 'server-only';
import type { Params } from './body';
import { cardNameFor, type BinEntry } from './cards';

type PgField = 'birth' | 'pwd_2digit' | 'customer_id' | 'customer_name' | 'cvc';

/** Why a PG refuses a card in the sandbox; each PG words it in its own form with its own code. */
export type PgReason = 'invalid_card' | 'expired' | 'declined' | 'wrong_password' | 'wrong_birth';

interface PgWording {
  code: string;
  text: string;
}

/**
 * How one PG's module words a refusal that Iamport passes on after `카드정보 인증 및 빌키 발급에
 * 실패하였습니다. `. nice and nice_v2 are recorded (docs/iamport.md §3); the other PGs' forms and codes are the
 * sandbox's own choice (unconfirmed), made different on purpose so that a client reading only nice's
 * `[code]message` is caught (docs/sandbox.md "PG message forms").
 */
interface PgForm {
  format: (code: string, text: string) => string;
  reasons: Record<PgReason, PgWording>;
  /** The refusal when a field the PG requires is missing. */
  missing?: Partial<Record<PgField, PgWording>>;
}

const NICE_REASONS: Record<PgReason, PgWording> = {
  invalid_card: { code: 'F112', text: '유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)' },
  expired: { code: 'F113', text: '유효기간오류' },
  declined: { code: 'F114', text: '해당카드 사용불가 가맹점(타카드 사용요망)' },
  wrong_password: { code: 'F115', text: '비밀번호틀림' },
  wrong_birth: { code: 'F116', text: '주민OR사업자등록번호오류' },
};

const bracketFirst = (code: string, text: string) => `[${code}]${text}`;

/** nice's form, also used for every PG without one of its own (inicis, settle, paymentwall, ...). */
const NICE_FORM: PgForm = { format: bracketFirst, reasons: NICE_REASONS };

const PG_FORMS: Record<string, PgForm> = {
  nice: NICE_FORM,
  nice_v2: {
    format: (code, text) => `[400]Error From NICEPAY. (message: ${text}, code:${code})`,
    reasons: { ...NICE_REASONS, invalid_card: { code: 'F112', text: '카드번호틀림' } },
  },
  kcp: {
    format: (code, text) => `[${code}] ${text}`,
    reasons: {
      invalid_card: { code: '8108', text: '카드번호 오류' },
      expired: { code: '8116', text: '유효기간 오류' },
      declined: { code: '8140', text: '가맹점 사용불가 카드 (타카드 사용요망)' },
      wrong_password: { code: '8135', text: '비밀번호 오류' },
      wrong_birth: { code: '8137', text: '주민번호(생년월일) 오류' },
    },
  },
  ksnet: {
    format: (code, text) => `${text} (응답코드 ${code})`,
    reasons: {
      invalid_card: { code: '7003', text: '카드번호오류' },
      expired: { code: '7004', text: '유효기간오류' },
      declined: { code: '7059', text: '가맹점 사용불가카드' },
      wrong_password: { code: '7051', text: '비밀번호오류' },
      wrong_birth: { code: '7052', text: '주민번호오류' },
    },
    missing: {
      birth: { code: 'V501', text: '생년월일(사업자번호) 미입력' },
      pwd_2digit: { code: 'V502', text: '비밀번호 앞 2자리 미입력' },
    },
  },
  tosspayments: {
    format: bracketFirst,
    reasons: {
      invalid_card: { code: 'INVALID_CARD_NUMBER', text: '카드번호를 다시 확인해주세요.' },
      expired: { code: 'INVALID_CARD_EXPIRATION', text: '카드 유효기간을 다시 확인해주세요.' },
      declined: { code: 'REJECT_CARD_COMPANY', text: '카드사에서 거절한 거래입니다. (해당카드 사용불가 가맹점)' },
      wrong_password: { code: 'INVALID_PASSWORD', text: '카드 비밀번호가 일치하지 않습니다.' },
      wrong_birth: {
        code: 'INVALID_CARD_IDENTITY',
        text: '입력하신 생년월일(사업자번호)이 카드 소유주 정보와 일치하지 않습니다.',
      },
    },
    missing: { customer_id: { code: 'INVALID_REQUEST', text: 'customerKey는 필수 입력값입니다.' } },
  },
  welcome: {
    format: (code, text) => `${text} [${code}]`,
    reasons: {
      invalid_card: { code: 'W201', text: '카드번호 오류' },
      expired: { code: 'W202', text: '유효기간 오류' },
      declined: { code: 'W203', text: '사용불가 가맹점 카드' },
      wrong_password: { code: 'W205', text: '비밀번호 오류' },
      wrong_birth: { code: 'W206', text: '생년월일 오류' },
    },
    missing: { customer_name: { code: 'W103', text: '구매자명(buyerName)은 필수 입력값입니다.' } },
  },
  daou: {
    format: (code, text) => `[DAOU]${text} (code=${code})`,
    reasons: {
      invalid_card: { code: '1001', text: '카드번호 오류' },
      expired: { code: '1002', text: '유효기간 오류' },
      declined: { code: '1007', text: '가맹점 사용불가 카드' },
      wrong_password: { code: '1005', text: '비밀번호 오류' },
      wrong_birth: { code: '1006', text: '생년월일 오류' },
    },
  },
  paymentwall: {
    ...NICE_FORM,
    missing: { cvc: { code: '3004', text: 'Please enter a valid CVV/CVC code' } },
  },
};

/** Fields a PG needs (`x-portone-per-pg` in the OpenAPI), in the order its module checks them. */
const REQUIRED_BY_PG: Record<string, readonly PgField[]> = {
  ksnet: ['birth', 'pwd_2digit'],
  tosspayments: ['customer_id'],
  welcome: ['customer_name'],
  paymentwall: ['cvc'],
};

const formOf = (pgProvider: string): PgForm => PG_FORMS[pgProvider] ?? NICE_FORM;

/** What the PG answers for a reason: its code and the `pgPart` after Iamport's prefix. */
export function pgRejection(pgProvider: string, reason: PgReason): { code: string; pgPart: string } {
  const form = formOf(pgProvider);
  const { code, text } = form.reasons[reason];
  return { code, pgPart: form.format(code, text) };
}

/** The PG's refusal of a missing required field: its code and `pgPart`. */
function missingFieldRejection(pgProvider: string, field: PgField): { code: string; pgPart: string } {
  const form = formOf(pgProvider);
  const wording = form.missing?.[field] ?? { code: 'V000', text: `${field} 미입력` };
  return { code: wording.code, pgPart: form.format(wording.code, wording.text) };
}

/** The first field this PG requires that `params` lacks, with the PG's refusal, or undefined. */
export function missingPgFieldRejection(
  pgProvider: string,
  params: Params,
): { field: PgField; code: string; pgPart: string } | undefined {
  const field = (REQUIRED_BY_PG[pgProvider] ?? []).find((name) => params[name] === undefined);
  return field ? { field, ...missingFieldRejection(pgProvider, field) } : undefined;
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
  const first = REQUIRED_BY_PG[pgProvider]?.[0];
  return first ? missingFieldRejection(pgProvider, first).code : null;
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
