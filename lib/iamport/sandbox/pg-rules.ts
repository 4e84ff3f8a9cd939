import 'server-only';
import type { Params } from './body';
import { cardNameFor, type BinEntry } from './cards';

type PgField = 'birth' | 'pwd_2digit' | 'customer_id' | 'customer_name' | 'cvc';

/**
 * Fields a PG needs (`x-portone-per-pg` in the OpenAPI), with the rejection its module answers when
 * one is missing. The bracketed codes are PG-flavoured guesses; only the message shape is recorded.
 */
const REQUIRED_BY_PG: Record<string, readonly { field: PgField; pgPart: string }[]> = {
  ksnet: [
    { field: 'birth', pgPart: '[V501]생년월일(사업자번호) 미입력' },
    { field: 'pwd_2digit', pgPart: '[V502]비밀번호 앞 2자리 미입력' },
  ],
  tosspayments: [{ field: 'customer_id', pgPart: '[INVALID_REQUEST]customerKey는 필수 입력값입니다.' }],
  welcome: [{ field: 'customer_name', pgPart: '[W103]구매자명(buyerName)은 필수 입력값입니다.' }],
  paymentwall: [{ field: 'cvc', pgPart: '[3004]Please enter a valid CVV/CVC code' }],
};

/** The PG's rejection when a field it requires is missing, or undefined. */
export function missingPgField(pgProvider: string, params: Params): string | undefined {
  const rules = REQUIRED_BY_PG[pgProvider] ?? [];
  return rules.find((rule) => params[rule.field] === undefined)?.pgPart;
}

/** nice_v2 wraps NICEPAY's inner message; the others answer `[code]message`. */
export function pgMessage(pgProvider: string, code: string, text: string): string {
  return pgProvider === 'nice_v2' ? `[400]Error From NICEPAY. (message: ${text}, code:${code})` : `[${code}]${text}`;
}

export const WRONG_PASSWORD = { code: 'F115', text: '비밀번호틀림' } as const;
export const WRONG_BIRTH = { code: 'F116', text: '주민OR사업자등록번호오류' } as const;

/** Rejects a `pwd_2digit` or `birth` that was sent but is malformed, as the PG would. */
export function malformedPgField(pgProvider: string, params: Params): string | undefined {
  const password = params.pwd_2digit;
  if (password !== undefined && !/^\d{2}$/.test(password)) {
    return pgProvider === 'nice_v2'
      ? '[400].issueCard.password2Digits:Invalid 2 digits of password!'
      : pgMessage(pgProvider, WRONG_PASSWORD.code, WRONG_PASSWORD.text);
  }
  const birth = params.birth;
  if (birth !== undefined && !/^(\d{6}|\d{10})$/.test(birth)) {
    return pgProvider === 'nice_v2'
      ? `[400]Invalid Request. Please Check this argument: birthOrBusinessRegistrationNumber InvalidLength(${birth.length})`
      : pgMessage(pgProvider, WRONG_BIRTH.code, WRONG_BIRTH.text);
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
