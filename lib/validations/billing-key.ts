import { z } from 'zod';
import { pgProviderInfo, providerOfPg, requiredFieldsFor, type PerPgField } from '@/lib/gateways/catalog';
import { digitsOnly, passesLuhn } from '@/lib/card-number';
import {
  currentYearMonthKst,
  expectedCardLength,
  formatCardNumber,
  isValidBirthDate,
  isValidBusinessNumber,
} from './card';

/** Maximum lengths from the OpenAPI file; the form's `maxLength` uses the same numbers. */
export const ISSUE_LIMITS = {
  customer_uid: 80,
  pg: 80,
  channel_key: 55,
  card_number: 19,
  expiry: 7,
  birth: 12,
  pwd_2digit: 2,
  cvc: 4,
  /** No limit in the OpenAPI; 100 keeps the stored row sane. */
  customer_id: 100,
  customer_name: 20,
  customer_tel: 20,
  customer_email: 200,
  customer_addr: 200,
  customer_postcode: 8,
} as const;

/** Fields that are card data: never stored, logged or echoed. */
export const SENSITIVE_FIELDS = ['card_number', 'expiry', 'birth', 'pwd_2digit', 'cvc'] as const;

export const FIELD_LABELS: Record<keyof typeof ISSUE_LIMITS, string> = {
  customer_uid: '고객 결제수단 ID',
  pg: 'PG 구분코드',
  channel_key: '채널 키',
  card_number: '카드번호',
  expiry: '유효기간',
  birth: '생년월일 또는 사업자등록번호',
  pwd_2digit: '카드 비밀번호 앞 2자리',
  cvc: 'CVC',
  customer_id: '구매자 ID',
  customer_name: '카드 소유자 이름',
  customer_tel: '연락처',
  customer_email: '이메일',
  customer_addr: '주소',
  customer_postcode: '우편번호',
};

const tooLong = (field: keyof typeof ISSUE_LIMITS) =>
  `${FIELD_LABELS[field]}은(는) ${ISSUE_LIMITS[field]}자 이하로 입력하세요.`;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A free-text field: one line, no control characters (the database refuses NUL, after Iamport has issued). */
const optionalText = (field: keyof typeof ISSUE_LIMITS) =>
  z
    .string({ error: `${FIELD_LABELS[field]}은(는) 문자열로 보내세요.` })
    .trim()
    .max(ISSUE_LIMITS[field], tooLong(field))
    .refine(
      (value) => !CONTROL_CHARACTERS.test(value),
      `${FIELD_LABELS[field]}에 제어 문자(줄바꿈 등)는 쓸 수 없습니다.`,
    )
    .optional();

/** Bidi controls: embeddings, overrides, isolates and the implicit marks (LRM, RLM, ALM). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/** Characters that take no space on screen: zero-width space/joiners, word joiner, BOM, soft hyphen, … */
const INVISIBLE_CHARACTERS = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e\u034f\u115f\u1160\u3164\uffa0]/;

const customerUid = z
  .string({ error: '고객 결제수단 ID(customer_uid)를 입력하세요.' })
  .min(1, '고객 결제수단 ID(customer_uid)를 입력하세요.')
  .max(ISSUE_LIMITS.customer_uid, tooLong('customer_uid'))
  .refine((value) => value.trim() === value, '앞뒤 공백 없이 입력하세요.')
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), '제어 문자는 쓸 수 없습니다.')
  .refine(
    (value) => value.isWellFormed(),
    '고객 결제수단 ID에 깨진 문자(짝이 없는 서로게이트)가 있습니다. 다시 입력하세요.',
  )
  // Two ids that look alike are a support nightmare: nothing that changes the direction of the
  // text or takes no space on screen.
  .refine(
    (value) => !BIDI_CONTROLS.test(value),
    '고객 결제수단 ID에 글자 방향을 바꾸는 보이지 않는 제어 문자(U+202E 등)는 쓸 수 없습니다.',
  )
  .refine(
    (value) => !INVISIBLE_CHARACTERS.test(value),
    '고객 결제수단 ID에 보이지 않는 문자(폭 없는 공백 U+200B 등)는 쓸 수 없습니다. 직접 다시 입력하세요.',
  )
  // In Iamport's URL (/subscribe/customers/{customer_uid}) these would name another path.
  .refine((value) => value !== '.' && value !== '..', '고객 결제수단 ID로 "." 또는 ".."은 쓸 수 없습니다.');

const PG_PATTERN = /^[a-z0-9_]+(\.[A-Za-z0-9_\-]+)?$/;

const pg = z
  .string({ error: '발급할 채널(PG)을 선택하세요.' })
  .max(ISSUE_LIMITS.pg, tooLong('pg'))
  .superRefine((raw, ctx) => {
    const value = raw.trim();
    if (value === '') {
      ctx.addIssue({ code: 'custom', message: '발급할 채널(PG)을 선택하세요.' });
      return;
    }
    if (!PG_PATTERN.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'PG 구분코드는 "PG사" 또는 "PG사.상점아이디" 형식입니다 (예: nice, nice.nictest04m).',
      });
      return;
    }
    const info = pgProviderInfo(providerOfPg(value));
    if (!info) {
      ctx.addIssue({
        code: 'custom',
        message: `알 수 없는 PG사입니다: "${providerOfPg(value)}". 잘못된 값은 Iamport가 기본 PG로 바꿔 발급하므로 정확히 입력하세요.`,
      });
    } else if (!info.keyIn) {
      ctx.addIssue({
        code: 'custom',
        message: `${info.name}(${info.provider})은(는) API(키인) 방식으로 빌링키를 발급할 수 없습니다. 결제창 방식 PG입니다.`,
      });
    }
  });

const cardNumber = z.string({ error: '카드번호를 입력하세요.' }).superRefine((value, ctx) => {
  const trimmed = value.trim();
  if (trimmed === '') {
    ctx.addIssue({ code: 'custom', message: '카드번호를 입력하세요.' });
    return;
  }
  if (/[^\d\s-]/.test(trimmed)) {
    ctx.addIssue({ code: 'custom', message: '카드번호에는 숫자만 입력하세요 (예: 1234-5678-9012-3456).' });
    return;
  }
  const digits = digitsOnly(trimmed);
  const expected = expectedCardLength(digits);
  if (digits.length !== expected) {
    ctx.addIssue({
      code: 'custom',
      message: `카드번호는 ${expected}자리입니다 (예: 1234-5678-9012-3456). 지금 ${digits.length}자리입니다.`,
    });
    return;
  }
  if (!passesLuhn(digits)) {
    ctx.addIssue({
      code: 'custom',
      message: '유효하지 않은 카드번호입니다. 한 자리씩 다시 확인하세요 (검증 숫자가 맞지 않음).',
    });
  }
});

const expiry = (now: () => Date) =>
  z.string({ error: '유효기간을 입력하세요.' }).superRefine((value, ctx) => {
    const match = /^(\d{4})-(\d{2})$/.exec(value.trim());
    if (!match) {
      ctx.addIssue({
        code: 'custom',
        message:
          value.trim() === '' ? '유효기간을 입력하세요 (YYYY-MM).' : '유효기간은 YYYY-MM 형식입니다 (예: 2028-12).',
      });
      return;
    }
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (month < 1 || month > 12) {
      ctx.addIssue({
        code: 'custom',
        message: '유효기간의 월은 01부터 12까지입니다. 카드 앞면의 유효기간을 다시 확인하세요.',
      });
      return;
    }
    const current = currentYearMonthKst(now());
    if (year < current.year || (year === current.year && month < current.month)) {
      ctx.addIssue({ code: 'custom', message: '유효기간이 지난 카드입니다. 카드 앞면의 유효기간을 다시 확인하세요.' });
    } else if (year > current.year + 30) {
      ctx.addIssue({ code: 'custom', message: '유효기간 연도가 너무 멉니다. 카드 앞면의 유효기간을 다시 확인하세요.' });
    }
  });

const birth = z
  .string()
  .optional()
  .superRefine((value, ctx) => {
    const digits = digitsOnly(value ?? '');
    if (!value || value.trim() === '') return;
    if (/[^\d\s-]/.test(value)) {
      ctx.addIssue({ code: 'custom', message: '숫자만 입력하세요: 생년월일 6자리 또는 사업자등록번호 10자리.' });
    } else if (digits.length === 6) {
      if (!isValidBirthDate(digits)) {
        ctx.addIssue({
          code: 'custom',
          message: '없는 날짜입니다. 생년월일을 YYMMDD 6자리로 입력하세요 (예: 880101).',
        });
      }
    } else if (digits.length === 10) {
      if (!isValidBusinessNumber(digits)) {
        ctx.addIssue({
          code: 'custom',
          message: '사업자등록번호의 검증 숫자가 맞지 않습니다. 10자리를 다시 확인하세요.',
        });
      }
    } else {
      ctx.addIssue({
        code: 'custom',
        message: `생년월일 6자리(YYMMDD) 또는 법인카드의 사업자등록번호 10자리를 입력하세요. 지금 ${digits.length}자리입니다.`,
      });
    }
  });

const pwd2digit = z
  .string()
  .optional()
  .refine((value) => !value || /^\d{2}$/.test(value), '카드 비밀번호 앞 2자리 숫자를 입력하세요.');

const cvc = z
  .string()
  .optional()
  .refine((value) => !value || /^\d{3,4}$/.test(value), 'CVC는 카드 뒷면의 숫자 3자리(AMEX는 4자리)입니다.');

const customerTel = optionalText('customer_tel').refine(
  (value) => !value || (/^\+?[\d-]+$/.test(value) && digitsOnly(value).length >= 8 && digitsOnly(value).length <= 15),
  '전화번호는 숫자와 하이픈(-)으로 입력하세요 (예: 010-1234-5678).',
);

const customerEmail = optionalText('customer_email').refine(
  (value) => !value || z.email().safeParse(value).success,
  '이메일 형식이 아닙니다 (예: name@example.com).',
);

const customerPostcode = optionalText('customer_postcode').refine(
  (value) => !value || /^[\d-]+$/.test(value),
  '우편번호는 숫자로 입력하세요 (예: 06236).',
);

const REQUIRED_MESSAGES: Record<PerPgField, string> = {
  birth: '이 PG는 생년월일 6자리 또는 사업자등록번호 10자리가 필요합니다.',
  pwd_2digit: '이 PG는 카드 비밀번호 앞 2자리가 필요합니다.',
  cvc: '이 PG는 CVC가 필요합니다.',
  customer_id: '이 PG는 구매자 ID가 필요합니다.',
  customer_name: '이 PG는 카드 소유자 이름이 필요합니다.',
};

/** The issuance fields one by one, for the schemas built from them (the card-registration links). */
export function issueFields(now: () => Date = () => new Date()) {
  return {
    customer_uid: customerUid,
    pg,
    channel_key: optionalText('channel_key'),
    card_number: cardNumber,
    expiry: expiry(now),
    birth,
    pwd_2digit: pwd2digit,
    cvc,
    customer_id: optionalText('customer_id'),
    customer_name: optionalText('customer_name'),
    customer_tel: customerTel,
    customer_email: customerEmail,
    customer_addr: optionalText('customer_addr'),
    customer_postcode: customerPostcode,
    /** The agent saw the card this customer_uid holds and chose to replace it. */
    replace_confirmed: z.boolean({ error: 'replace_confirmed는 true 또는 false입니다.' }).optional(),
    /** One per submission: a retried or double-clicked request with the same key is answered once. */
    idempotency_key: z.uuid({ error: 'idempotency_key는 UUID여야 합니다.' }).optional(),
  };
}

/**
 * Adds an issue for every field the PG requires that is blank; `only` limits the check to some
 * fields (the card-registration link asks the customer for the card ones only).
 */
export function requirePgFields(
  input: Partial<Record<PerPgField, string | undefined>>,
  pgValue: string | undefined,
  ctx: z.RefinementCtx,
  only?: readonly PerPgField[],
): void {
  const providerId = providerOfPg(pgValue);
  const info = pgProviderInfo(providerId);
  for (const field of requiredFieldsFor(providerId)) {
    if (only && !only.includes(field)) continue;
    if (!input[field] || input[field]?.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${info?.name ?? providerId}: ${REQUIRED_MESSAGES[field]}`,
      });
    }
  }
}

/** Builds the issuance schema; `now` is injectable so tests can pin the expiry check. */
export function buildIssueBillingKeySchema(now: () => Date = () => new Date()) {
  return z
    .object({
      ...issueFields(now),
      /** Signed proof from `GET …/current` that Iamport had no key for this uid (saves a round trip). */
      guard_check: z.string().max(200, 'guard_check가 너무 깁니다.').optional(),
    })
    .superRefine((input, ctx) => requirePgFields(input, input.pg, ctx));
}

export const issueBillingKeySchema = buildIssueBillingKeySchema();
export type IssueBillingKeyInput = z.input<typeof issueBillingKeySchema>;

const blankToUndefined = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** Turns validated input into Iamport's body: dashed card number, digits-only birth, blanks dropped. */
export function toIamportBody(input: IssueBillingKeyInput) {
  return {
    card_number: formatCardNumber(input.card_number),
    expiry: input.expiry.trim(),
    birth: blankToUndefined(input.birth && digitsOnly(input.birth)),
    pwd_2digit: blankToUndefined(input.pwd_2digit),
    cvc: blankToUndefined(input.cvc),
    pg: blankToUndefined(input.pg),
    channel_key: blankToUndefined(input.channel_key),
    customer_id: blankToUndefined(input.customer_id),
    customer_name: blankToUndefined(input.customer_name),
    customer_tel: blankToUndefined(input.customer_tel),
    customer_email: blankToUndefined(input.customer_email),
    customer_addr: blankToUndefined(input.customer_addr),
    customer_postcode: blankToUndefined(input.customer_postcode),
  };
}

/** Proposes a unique customer_uid: readable prefix, date, random suffix. */
export function proposeCustomerUid(now: Date = new Date(), random: () => number = Math.random): string {
  const { year, month } = currentYearMonthKst(now);
  const stamp = `${year}${String(month).padStart(2, '0')}`;
  const suffix = Array.from({ length: 10 }, () => 'abcdefghjkmnpqrstuvwxyz23456789'[Math.floor(random() * 31)]).join(
    '',
  );
  return `cust_${stamp}_${suffix}`;
}
