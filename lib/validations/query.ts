import type { z } from 'zod';

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

export type QueryParseResult<T, P extends string> =
  { success: true; data: T } | { success: false; message: string; fields: Partial<Record<P, string>> };

/** Parses the known parameters; on failure a Korean message naming the first bad parameter, and one per parameter. */
export function parseQuery<T, P extends string>(
  schema: z.ZodType<T>,
  raw: RawQuery,
  params: readonly P[],
): QueryParseResult<T, P> {
  const result = schema.safeParse(knownParams(raw, params));
  if (result.success) return { success: true, data: result.data };
  const fields: Partial<Record<P, string>> = {};
  for (const issue of result.error.issues) {
    const param = issue.path[0];
    if (typeof param === 'string' && (params as readonly string[]).includes(param))
      fields[param as P] ??= issue.message;
  }
  const first = Object.values<string | undefined>(fields)[0] ?? '조회 조건이 올바르지 않습니다.';
  return { success: false, message: `조회 조건이 올바르지 않습니다: ${first}`, fields };
}
