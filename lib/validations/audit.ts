import { z } from 'zod';
import { knownParams, parseQuery, queryFields, type QueryParseResult, type RawQuery } from './query';
import { cursorParam, decodeCursor, encodeCursor } from './cursor';

/**
 * Query parameters of the audit trail (`/audit`, `GET /api/audit`) and its CSV export
 * (`GET /api/exports/audit`), shared so a view's URL means the same thing everywhere.
 */

/** Every action the app records, with its Korean name (lib/audit, lib/auth/audit, the routes). */
export const AUDIT_ACTION_LABELS = {
  sign_in: '로그인',
  'sign_in.challenge': '로그인 (2단계 인증 대기)',
  sign_out: '로그아웃',
  'sign_out.everywhere': '모든 기기에서 로그아웃',
  'account.password': '비밀번호 변경',
  'account.two_factor': '2단계 인증 변경',
  'account.two_factor_requested': '2단계 인증 변경 요청',
  'billing_key.issue': '빌링키 발급',
  'billing_key.replace': '빌링키 카드 교체',
  'billing_key.lookup': '빌링키 조회',
  'billing_key.delete': '빌링키 삭제',
  'billing_key.delete_requested': '빌링키 삭제 요청',
  'billing_key.acknowledge': '대조 결과 확인',
  'billing_keys.export': '빌링키 CSV 내보내기',
  'billing_keys.reconcile': 'Iamport 대조',
  'staff.create': '직원 계정 생성',
  'staff.update': '직원 계정 변경',
  'settings.update': '설정 변경',
  'qa.run': 'QA 실행',
  'link.create': '카드 등록 링크 생성',
  'link.open': '카드 등록 링크 열림',
  'link.send': '카드 등록 링크 발송',
  'link.revoke': '카드 등록 링크 폐기',
  'link.lock': '카드 등록 링크 잠김',
  'audit.export': '감사 기록 CSV 내보내기',
} as const satisfies Record<string, string>;
export type KnownAuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as KnownAuditAction[];

/** Korean name of an action, or the code itself for one this table does not know yet. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action as KnownAuditAction] : action;
}

export const AUDIT_RESULTS = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];
export const AUDIT_RESULT_LABELS: Record<AuditResult, string> = { success: '성공', failure: '실패', denied: '거부' };

export const AUDIT_PAGE_SIZE = { default: 50, max: 200 } as const;
export const AUDIT_FILTER_LIMITS = { action: 64, actor: 200, target: 200, ip: 64 } as const;

/** Korean name of every parameter, used in labels and in the error that names a bad one. */
export const AUDIT_PARAM_LABELS = {
  action: '작업',
  result: '결과',
  actor: '수행자 이메일',
  target: '대상',
  ip: 'IP',
  from: '시작일',
  to: '종료일',
  cursor: '페이지 위치',
  limit: '한 페이지 건수',
} as const;
export type AuditParam = keyof typeof AUDIT_PARAM_LABELS;
/** The filter proper: what the form edits, the export applies and `audit.export` records. */
export const AUDIT_FILTER_PARAMS = ['action', 'result', 'actor', 'target', 'ip', 'from', 'to'] as const;

const { params: PARAMS, named, text: textOf, day, daysInOrder } = queryFields(AUDIT_PARAM_LABELS);
const text = (param: keyof typeof AUDIT_FILTER_LIMITS) => textOf(param, AUDIT_FILTER_LIMITS[param]);

/**
 * Where a page starts: just past an event (`next`, older ones) or just before it (`prev`, newer
 * ones), by its time at full microsecond precision (UTC) and id. Opaque in URLs.
 */
export interface AuditCursor {
  direction: 'next' | 'prev';
  at: string;
  id: number;
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeAuditCursor(cursor: AuditCursor): string {
  return encodeCursor([cursor.direction === 'next' ? 'n' : 'p', cursor.at, String(cursor.id)]);
}

export function decodeAuditCursor(value: string): AuditCursor | null {
  const parts = decodeCursor(value);
  if (!parts) return null;
  const [direction, at, id, ...rest] = parts;
  if (rest.length > 0 || (direction !== 'n' && direction !== 'p') || !at || !CURSOR_AT.test(at)) return null;
  if (!id || !/^[1-9]\d{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) return null;
  return { direction: direction === 'n' ? 'next' : 'prev', at, id: Number(id) };
}

const INVALID_CURSOR = `${named('cursor')}가 올바르지 않습니다. 첫 페이지부터 다시 조회하세요.`;

export const auditQuerySchema = z
  .object({
    action: text('action').refine(
      (value) => value === undefined || /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/.test(value),
      `${named('action')}은(는) 목록의 작업 코드여야 합니다 (예: billing_key.issue).`,
    ),
    result: z
      .enum(AUDIT_RESULTS, { error: `${named('result')} 값은 ${AUDIT_RESULTS.join(', ')} 중 하나여야 합니다.` })
      .optional(),
    actor: text('actor'),
    target: text('target'),
    ip: text('ip'),
    from: day('from'),
    to: day('to'),
    cursor: cursorParam(decodeAuditCursor, INVALID_CURSOR, 300).optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, `${named('limit')}은(는) 1 이상 ${AUDIT_PAGE_SIZE.max} 이하의 정수여야 합니다.`)
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, `${named('limit')}은(는) 1 이상이어야 합니다.`)
          .max(AUDIT_PAGE_SIZE.max, `${named('limit')}은(는) ${AUDIT_PAGE_SIZE.max} 이하여야 합니다.`),
      )
      .optional()
      .transform((value) => value ?? AUDIT_PAGE_SIZE.default),
  })
  .superRefine((query, ctx) => daysInOrder(query, ctx, 'from', 'to'));

export type AuditQuery = z.output<typeof auditQuerySchema>;
/** The filter without paging: what the export reads and `audit.export` records. */
export type AuditFilters = Omit<AuditQuery, 'cursor' | 'limit'>;
/** The query as typed (strings), for a form that shows a bad value beside its message. */
export type AuditQueryInput = Partial<Record<AuditParam, string>>;

/** Known parameters only, first value of a repeated one, blank ones dropped (an empty GET-form field means "any"). */
export function normalizeAuditQuery(raw: RawQuery): AuditQueryInput {
  return knownParams(raw, PARAMS);
}

/** Parses a raw query; on failure a Korean message naming the first bad parameter, and one per parameter. */
export function parseAuditQuery(raw: RawQuery): QueryParseResult<'query', AuditQuery, AuditParam> {
  return parseQuery('query', auditQuerySchema, raw, PARAMS);
}

/** The filter part of a query, set values only (no cursor, no page size). */
export function auditFiltersOf(query: AuditQuery | AuditFilters): AuditFilters {
  const filters: AuditFilters = {};
  for (const param of AUDIT_FILTER_PARAMS) {
    const value = query[param];
    if (value !== undefined) (filters as Record<string, string>)[param] = value;
  }
  return filters;
}

/** A query string of the filter (and, when given, a page size and cursor), defaults left out. */
export function auditSearchParams(
  filters: AuditFilters,
  page: { limit?: number; cursor?: string | null } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const param of AUDIT_FILTER_PARAMS) {
    const value = filters[param];
    if (value) params.set(param, value);
  }
  if (page.limit !== undefined && page.limit !== AUDIT_PAGE_SIZE.default) params.set('limit', String(page.limit));
  if (page.cursor) params.set('cursor', page.cursor);
  return params;
}
