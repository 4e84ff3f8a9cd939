import 'server-only';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { signedIn } from '@/lib/request-context';
import type { RequestContext } from '@/lib/model/staff';
import { seesAllAttempts } from './scope';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { issueAttempts } from '@/lib/db/schema';
import { AppError, zodFieldErrors } from '@/lib/errors';
import {
  ATTEMPT_FILTER_LABELS,
  attemptsQuerySchema,
  encodeAttemptsCursor,
  type AttemptsQuery,
} from '@/lib/validations/attempts';
import { kstDayEnd, kstDayStart } from '@/lib/validations/billing-key-filters';
import type { AttemptsPage } from '@/lib/model/billing-keys';
import { toAttemptView } from './mapping';

export type ParsedAttemptsQuery =
  { ok: true; query: AttemptsQuery } | { ok: false; message: string; fields: Record<string, string> };

/** Parses `/attempts` filters; a bad one yields a message naming each wrong field, in Korean. */
export function parseAttemptsQuery(raw: Record<string, string>): ParsedAttemptsQuery {
  const result = attemptsQuerySchema.safeParse(raw);
  if (result.success) return { ok: true, query: result.data };
  const fields = zodFieldErrors(result.error);
  const names = Object.keys(fields).map(
    (name) => ATTEMPT_FILTER_LABELS[name as keyof typeof ATTEMPT_FILTER_LABELS] ?? name,
  );
  return {
    ok: false,
    fields,
    message: `검색 조건이 올바르지 않습니다: ${names.join(', ')}. ${Object.values(fields).join(' ')}`,
  };
}

/** For the API: the parsed query, or 422 `invalid_query` with per-field messages. */
export function attemptsQueryOrThrow(raw: Record<string, string>): AttemptsQuery {
  const parsed = parseAttemptsQuery(raw);
  if (!parsed.ok) throw new AppError('invalid_query', parsed.message, { fields: parsed.fields });
  return parsed.query;
}

/**
 * The MID an attempt was for: Iamport's answer when it issued, else the `provider.MID` it asked
 * for (a rejection carries no annotation).
 */
const attemptMid = sql<
  string | null
>`coalesce(${issueAttempts.pgId}, nullif(split_part(${issueAttempts.requestedPg}, '.', 2), ''))`;

/** The start time at full (microsecond) precision, so the keyset never skips rows sharing a millisecond. */
const startedAtText = sql<string>`to_char(${issueAttempts.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Every issuance attempt, newest first, filtered, one keyset page at a time. */
export const listAttempts = defineUseCase(
  async (query: AttemptsQuery, context: RequestContext, { db }: Resolved): Promise<AttemptsPage> => {
    const actor = signedIn(context);
    const conditions: SQL[] = [];
    // Agents see their own attempts only.
    if (!seesAllAttempts(actor)) conditions.push(eq(issueAttempts.actorId, actor.id));
    if (query.outcome === 'replaced') {
      conditions.push(eq(issueAttempts.outcome, 'issued'), eq(issueAttempts.replaced, true));
    } else if (query.outcome) {
      conditions.push(eq(issueAttempts.outcome, query.outcome));
    }
    if (query.pg_provider) conditions.push(eq(issueAttempts.pgProvider, query.pg_provider));
    if (query.pg_id) conditions.push(sql`${attemptMid} = ${query.pg_id}`);
    if (query.pg_code) conditions.push(eq(issueAttempts.pgCode, query.pg_code));
    if (query.customer_uid) conditions.push(eq(issueAttempts.customerUid, query.customer_uid));
    if (query.from) conditions.push(gte(issueAttempts.startedAt, kstDayStart(query.from)));
    if (query.to) conditions.push(lt(issueAttempts.startedAt, kstDayEnd(query.to)));
    if (query.cursor) {
      conditions.push(
        sql`(${issueAttempts.startedAt}, ${issueAttempts.id}) < (${query.cursor.at}::timestamptz, ${query.cursor.id}::uuid)`,
      );
    }
    const rows = await db
      .select({ attempt: issueAttempts, startedAtText })
      .from(issueAttempts)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(issueAttempts.startedAt), desc(issueAttempts.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      attempts: page.map((row) => toAttemptView(row.attempt)),
      nextCursor:
        rows.length > query.limit && last
          ? encodeAttemptsCursor({ at: last.startedAtText, id: last.attempt.id })
          : null,
    };
  },
);
