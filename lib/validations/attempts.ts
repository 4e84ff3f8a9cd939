import { z } from 'zod';
import { ISSUE_LIMITS } from './billing-key';
import { isCalendarDate } from './query';
import { cursorParam, decodeCursor, encodeCursor } from './cursor';

/** `replaced`: the issued attempts that replaced the card behind an existing customer_uid. */
export const ATTEMPT_OUTCOMES = ['issued', 'replaced', 'rejected', 'unknown', 'failed', 'pending'] as const;
export type AttemptOutcomeFilter = (typeof ATTEMPT_OUTCOMES)[number];

export const ATTEMPT_OUTCOME_LABELS: Record<AttemptOutcomeFilter, string> = {
  issued: '발급됨',
  replaced: '교체 발급',
  rejected: '거절',
  unknown: '결과 불명',
  failed: '실패',
  pending: '진행 중',
};

export const ATTEMPTS_PAGE_SIZE = { default: 50, max: 100 } as const;

/** Labels of the filter fields, for messages and the form. */
export const ATTEMPT_FILTER_LABELS = {
  outcome: '결과',
  pg_provider: 'PG사',
  pg_id: '상점아이디(MID)',
  pg_code: 'PG 코드',
  customer_uid: '고객 결제수단 ID',
  from: '시작일',
  to: '종료일',
  cursor: '페이지 위치',
  limit: '한 페이지 건수',
} as const;

/** An empty form field (`?outcome=`) means "no filter". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const kstDate = (label: string) =>
  optional(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}은 YYYY-MM-DD 형식으로 입력하세요 (예: 2026-11-27).`)
      .refine(isCalendarDate, `${label}이 달력에 없는 날짜입니다.`),
  );

/** Keyset position: the last row's start time (microseconds, UTC) and id. */
export interface AttemptsCursor {
  at: string;
  id: string;
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeAttemptsCursor(cursor: AttemptsCursor): string {
  return encodeCursor([cursor.at, cursor.id]);
}

export function decodeAttemptsCursor(value: string): AttemptsCursor | null {
  const [at, id, ...rest] = decodeCursor(value) ?? [];
  return at && id && rest.length === 0 && CURSOR_AT.test(at) && UUID.test(id) ? { at, id } : null;
}

const INVALID_CURSOR = '페이지 위치(cursor)가 올바르지 않습니다. 첫 페이지부터 다시 조회하세요.';

/** Query parameters of `/attempts` and `GET /api/attempts`; unknown parameters are ignored. */
export const attemptsQuerySchema = z
  .object({
    outcome: optional(z.enum(ATTEMPT_OUTCOMES, { error: `결과는 ${ATTEMPT_OUTCOMES.join(', ')} 중 하나여야 합니다.` })),
    pg_provider: optional(
      z
        .string()
        .trim()
        .max(40, 'PG사는 40자 이하로 입력하세요.')
        .regex(/^[a-z0-9_]+$/, 'PG사는 영문 소문자, 숫자, _로 입력하세요 (예: nice, kcp).'),
    ),
    pg_id: optional(
      z
        .string()
        .trim()
        .max(80, '상점아이디(MID)는 80자 이하로 입력하세요.')
        .regex(/^[A-Za-z0-9_.\-]+$/, '상점아이디(MID)는 영문, 숫자, _ . -로 입력하세요 (예: nictest04m).'),
    ),
    pg_code: optional(
      z
        .string()
        .trim()
        .max(40, 'PG 코드는 40자 이하로 입력하세요.')
        .regex(/^[A-Za-z0-9_.\-]+$/, 'PG 코드는 영문과 숫자로 입력하세요 (예: F114, 대괄호 없이).')
        // The PGs' reason codes are upper case (F114, INVALID_PASSWORD): `f114` means the same.
        .transform((code) => code.toUpperCase()),
    ),
    customer_uid: optional(
      z
        .string()
        .max(ISSUE_LIMITS.customer_uid, `고객 결제수단 ID는 ${ISSUE_LIMITS.customer_uid}자 이하로 입력하세요.`)
        .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), '고객 결제수단 ID에 제어 문자는 쓸 수 없습니다.'),
    ),
    from: kstDate('시작일'),
    to: kstDate('종료일'),
    cursor: optional(cursorParam(decodeAttemptsCursor, INVALID_CURSOR, 200)),
    limit: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: '한 페이지 건수는 숫자로 입력하세요.' })
        .int('한 페이지 건수는 정수로 입력하세요.')
        .min(1, '한 페이지 건수는 1 이상이어야 합니다.')
        .max(ATTEMPTS_PAGE_SIZE.max, `한 페이지 건수는 ${ATTEMPTS_PAGE_SIZE.max} 이하여야 합니다.`)
        .default(ATTEMPTS_PAGE_SIZE.default),
    ),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: '종료일이 시작일보다 빠릅니다.',
    path: ['to'],
  });

export type AttemptsQuery = z.output<typeof attemptsQuerySchema>;
/** The filters as they appear in the URL (strings), for links that keep them. */
export type AttemptsQueryInput = Partial<Record<keyof typeof ATTEMPT_FILTER_LABELS, string>>;

/**
 * URLSearchParams or Next's `searchParams` → one string per name (the first when repeated), so
 * `?outcome=a&outcome=b` is judged by its first value instead of crashing the parser.
 */
export function searchParamsObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [name, value] of params) result[name] ??= value;
    return result;
  }
  for (const [name, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first;
  }
  return result;
}
