import { z } from 'zod';

/** A query as a route (`URLSearchParams`) or a page (Next's `searchParams`) has it. */
export type RawQuery = URLSearchParams | Record<string, string | string[] | undefined>;

/** Known parameters only, first value of a repeated one, trimmed, blank ones dropped (an empty GET-form field means "any"). */
export function knownParams<P extends string>(raw: RawQuery, params: readonly P[]): Partial<Record<P, string>> {
  const get = (name: string): string | undefined => {
    if (raw instanceof URLSearchParams) return raw.get(name) ?? undefined;
    const value = raw[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const query: Partial<Record<P, string>> = {};
  for (const param of params) {
    const value = get(param)?.trim();
    if (value) query[param] = value;
  }
  return query;
}

/** A parsed query under the name its list gives it (`query`, `filters`), or what is wrong with it. */
export type QueryParseResult<K extends string, T, P extends string> =
  ({ success: true } & Record<K, T>) | { success: false; message: string; fields: Partial<Record<P, string>> };

/**
 * Parses the known parameters, the value named `key`; on failure a Korean message naming the first
 * bad parameter, and one per parameter.
 */
export function parseQuery<K extends string, T, P extends string>(
  key: K,
  schema: z.ZodType<T>,
  raw: RawQuery,
  params: readonly P[],
): QueryParseResult<K, T, P> {
  const result = schema.safeParse(knownParams(raw, params));
  if (result.success) return { success: true, [key]: result.data } as QueryParseResult<K, T, P>;
  const fields: Partial<Record<P, string>> = {};
  for (const issue of result.error.issues) {
    const param = issue.path[0];
    if (typeof param === 'string' && (params as readonly string[]).includes(param))
      fields[param as P] ??= issue.message;
  }
  const first = Object.values<string | undefined>(fields)[0] ?? '조회 조건이 올바르지 않습니다.';
  return { success: false, message: `조회 조건이 올바르지 않습니다: ${first}`, fields };
}

/** A real calendar day, `YYYY-MM-DD` (2026-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The fields a list's query shares, with messages naming each parameter by its label: `시작일(from)`. */
export function queryFields<P extends string>(labels: Record<P, string>) {
  const named = (param: P) => `${labels[param]}(${param})`;
  return {
    /** Every parameter the list knows, in the labels' order. */
    params: Object.keys(labels) as P[],
    named,
    /** Free text of at most `max` characters, no control characters. */
    text: (param: P, max: number) =>
      z
        .string()
        .max(max, `${named(param)}은(는) ${max}자 이하로 입력하세요.`)
        .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), `${named(param)}에 제어 문자는 쓸 수 없습니다.`)
        .optional(),
    /** A calendar day, `YYYY-MM-DD` (KST). */
    day: (param: P) =>
      z
        .string()
        .refine(isCalendarDate, `${named(param)}은(는) YYYY-MM-DD 형식의 날짜여야 합니다 (예: 2026-01-31).`)
        .optional(),
    /** For `superRefine`: the end day (`to`) is not before the start day (`from`). */
    daysInOrder: (query: { from?: string; to?: string }, ctx: z.RefinementCtx, from: P, to: P) => {
      if (query.from && query.to && query.from > query.to) {
        ctx.addIssue({
          code: 'custom',
          path: [to],
          message: `${named(to)}은(는) ${named(from)}과 같거나 뒤여야 합니다.`,
        });
      }
    },
  };
}
