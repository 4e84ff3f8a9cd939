import { z } from 'zod';
import { knownParams, parseQuery, queryFields, type QueryParseResult, type RawQuery } from './query';
import { CARD_TYPE_SHORT_LABELS } from '@/lib/format';

/**
 * Query parameters of the billing-key list (`/keys`, `GET /api/billing-keys`) and its CSV export.
 * Shared by page, API and export so a view's URL means the same thing everywhere.
 */
export const PAGE_SIZE = { default: 50, max: 200 } as const;
/** Pages past this are refused: nobody reads page 100,000, and a huge OFFSET is a cheap way to load the database. */
export const MAX_PAGE = 10_000;

export const FILTER_LIMITS = { q: 100, pg: 40, mid: 80, card: 20, issued_by: 200 } as const;

export const SORT_FIELDS = ['issued_at', 'updated_at', 'customer_uid', 'customer_name', 'card_name'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const SORT_ORDERS = ['desc', 'asc'] as const;
export const CARD_TYPE_FILTERS = ['credit', 'check', 'unknown'] as const;
export const ENV_FILTERS = ['test', 'live'] as const;
export const STATUS_FILTERS = ['active', 'deleted'] as const;

/** Korean name of every parameter, used in labels and in the error that names a bad one. */
export const PARAM_LABELS = {
  q: '검색어',
  pg: 'PG사',
  mid: '상점 아이디(MID)',
  card: '카드사',
  card_type: '카드 종류',
  env: '구분',
  status: '상태',
  from: '발급일 시작',
  to: '발급일 끝',
  issued_by: '발급자',
  sort: '정렬 기준',
  order: '정렬 순서',
  page: '페이지',
  page_size: '페이지 크기',
} as const;
export type FilterParam = keyof typeof PARAM_LABELS;

export const SORT_LABELS: Record<SortField, string> = {
  issued_at: '발급 시각',
  updated_at: '수정 시각',
  customer_uid: '고객 결제수단 ID',
  customer_name: '고객 이름',
  card_name: '카드사',
};
export const CARD_TYPE_FILTER_LABELS = CARD_TYPE_SHORT_LABELS;
export const ENV_FILTER_LABELS = { test: '테스트', live: '실제' } as const;
export const STATUS_FILTER_LABELS = { active: '활성', deleted: '삭제됨' } as const;

const { params: PARAMS, named, text: textOf, day, daysInOrder } = queryFields(PARAM_LABELS);
const text = (param: keyof typeof FILTER_LIMITS) => textOf(param, FILTER_LIMITS[param]);

const oneOf = <const T extends readonly [string, ...string[]]>(param: FilterParam, values: T) =>
  z.enum(values, { error: `${named(param)} 값은 ${values.join(', ')} 중 하나여야 합니다.` });

const wholeNumber = (param: 'page' | 'page_size', max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, `${named(param)}은(는) 1 이상 ${max.toLocaleString('en-US')} 이하의 정수여야 합니다.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, `${named(param)}은(는) 1 이상이어야 합니다.`)
        .max(max, `${named(param)}은(는) ${max.toLocaleString('en-US')} 이하여야 합니다.`),
    )
    .optional()
    .transform((value) => value ?? fallback);

export const billingKeyFiltersSchema = z
  .object({
    q: text('q'),
    pg: text('pg'),
    mid: text('mid'),
    card: text('card'),
    card_type: oneOf('card_type', CARD_TYPE_FILTERS).optional(),
    env: oneOf('env', ENV_FILTERS).optional(),
    status: oneOf('status', STATUS_FILTERS).optional(),
    from: day('from'),
    to: day('to'),
    issued_by: text('issued_by'),
    sort: oneOf('sort', SORT_FIELDS).default('issued_at'),
    order: oneOf('order', SORT_ORDERS).default('desc'),
    page: wholeNumber('page', MAX_PAGE, 1),
    page_size: wholeNumber('page_size', PAGE_SIZE.max, PAGE_SIZE.default),
  })
  .superRefine((filters, ctx) => daysInOrder(filters, ctx, 'from', 'to'));

export type BillingKeyFilters = z.output<typeof billingKeyFiltersSchema>;
/** Known parameters only, first value of a repeated one, blank ones dropped (an empty GET-form field means "any"). */
export function normalizeQuery(raw: RawQuery): Partial<Record<FilterParam, string>> {
  return knownParams(raw, PARAMS);
}

/** Parses a raw query; on failure a Korean message naming the first bad parameter, and one per parameter. */
export function parseBillingKeyFilters(raw: RawQuery): QueryParseResult<'filters', BillingKeyFilters, FilterParam> {
  return parseQuery('filters', billingKeyFiltersSchema, raw, PARAMS);
}

export const DEFAULT_FILTERS: BillingKeyFilters = {
  sort: 'issued_at',
  order: 'desc',
  page: 1,
  page_size: PAGE_SIZE.default,
};

/** The filters as a query string without defaults, so shared URLs stay short; `changes` override. */
export function filtersToSearchParams(
  filters: BillingKeyFilters,
  changes: Partial<BillingKeyFilters> = {},
): URLSearchParams {
  const merged: BillingKeyFilters = { ...filters, ...changes };
  const params = new URLSearchParams();
  for (const param of PARAMS) {
    const value = merged[param];
    if (value === undefined || value === '' || value === DEFAULT_FILTERS[param]) continue;
    params.set(param, String(value));
  }
  return params;
}

/** The filter without sort and paging: what an export or audit event records. */
export function filterOnly(filters: BillingKeyFilters): Partial<BillingKeyFilters> {
  return Object.fromEntries(
    Object.entries(filters).filter(([key, value]) => value !== undefined && key !== 'page' && key !== 'page_size'),
  );
}

/** `2026-01-31` → the instant 2026-01-31 00:00 KST. */
export function kstDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** `2026-01-31` → the instant 2026-02-01 00:00 KST (exclusive end of the day). */
export function kstDayEnd(date: string): Date {
  return new Date(kstDayStart(date).getTime() + 24 * 60 * 60 * 1000);
}
