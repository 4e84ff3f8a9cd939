import 'server-only';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { and, asc, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { escapeLike } from '@/lib/db/sql';
import type { Db } from '@/lib/db';
import { auditEvents, type AuditEventRow } from '@/lib/db/schema';
import { staffById } from '@/lib/db/staff';
import { AppError } from '@/lib/errors';
import {
  encodeAuditCursor,
  parseAuditQuery,
  type AuditCursor,
  type AuditFilters,
  type AuditQuery,
} from '@/lib/validations/audit';
import { kstDayEnd, kstDayStart } from '@/lib/validations/billing-key-filters';
import type { AuditTrailEvent, AuditTrailPage } from '@/lib/model/audit';

const t = auditEvents;

/** The query of a request's URL; 422 `invalid_query` naming the bad parameter otherwise. */
export function auditQueryFromUrl(url: string | URL): AuditQuery {
  const parsed = parseAuditQuery(new URL(url).searchParams);
  if (!parsed.success) throw new AppError('invalid_query', parsed.message, { fields: parsed.fields });
  return parsed.query;
}

/**
 * The WHERE clause of a filter; undefined when nothing narrows the trail. The actor is a
 * case-insensitive substring of the email (`%` and `_` match themselves); target and IP are exact.
 */
export function auditWhere(filters: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.action) conditions.push(eq(t.action, filters.action));
  if (filters.result) conditions.push(eq(t.result, filters.result));
  if (filters.actor) conditions.push(ilike(t.actorEmail, `%${escapeLike(filters.actor)}%`));
  if (filters.target) conditions.push(eq(t.targetId, filters.target));
  if (filters.ip) conditions.push(eq(t.ip, filters.ip));
  if (filters.from) conditions.push(gte(t.at, kstDayStart(filters.from)));
  if (filters.to) conditions.push(lt(t.at, kstDayEnd(filters.to)));
  return conditions.length ? and(...conditions) : undefined;
}

/** The event time as text at full precision, so a cursor never skips events sharing a millisecond. */
const atText = sql<string>`to_char(${t.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type Position = Pick<AuditCursor, 'at' | 'id'>;

/**
 * Events after `position` in the trail's order (newest first: older, or as old with a lower id).
 * The first bound alone is what the `(at desc, …)` indexes can seek to; the OR only trims ties.
 */
export function olderThan(position: Position): SQL {
  const at = sql`${position.at}::timestamptz`;
  return sql`(${t.at} <= ${at} and (${t.at} < ${at} or ${t.id} < ${position.id}))`;
}

/** Events before `position` in the trail's order (newer, or as old with a higher id). */
export function newerThan(position: Position): SQL {
  const at = sql`${position.at}::timestamptz`;
  return sql`(${t.at} >= ${at} and (${t.at} > ${at} or ${t.id} > ${position.id}))`;
}

export function toTrailEvent(row: AuditEventRow): AuditTrailEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetStaff: null,
    ip: row.ip,
    result: row.result,
    details: row.details ?? null,
  };
}

const staffTargetId = (event: AuditTrailEvent) => (event.targetType === 'staff' ? event.targetId : null);

/** Names the staff targets of a page or a batch by their accounts, in one query. */
export async function withStaffTargets(db: Db, events: AuditTrailEvent[]): Promise<AuditTrailEvent[]> {
  const people = await staffById(db, events.map(staffTargetId));
  if (people.size === 0) return events;
  return events.map((event) => {
    const id = staffTargetId(event);
    const person = id ? people.get(id) : undefined;
    return person ? { ...event, targetStaff: person } : event;
  });
}

interface Selected {
  event: AuditEventRow;
  atText: string;
}

const NEWEST_FIRST = [desc(t.at), desc(t.id)];
const OLDEST_FIRST = [asc(t.at), asc(t.id)];

async function select(db: Db, where: (SQL | undefined)[], orderBy: SQL[], limit: number): Promise<Selected[]> {
  return db
    .select({ event: auditEvents, atText })
    .from(auditEvents)
    .where(and(...where))
    .orderBy(...orderBy)
    .limit(limit);
}

const positionOf = (row: Selected): Position => ({ at: row.atText, id: row.event.id });

/**
 * One page of the trail, newest first, by keyset: `cursor` `next` reads older events than the
 * previous page's last, `prev` newer ones than the next page's first. A `prev` page that would be
 * short is the first page, read again from the top so it is full.
 */
export const listAuditTrail = defineUseCase(async (query: AuditQuery, { db }: Resolved): Promise<AuditTrailPage> => {
  const where = auditWhere(query);
  const { cursor, limit } = query;
  if (cursor?.direction === 'prev') {
    const newer = await select(db, [where, newerThan(cursor)], OLDEST_FIRST, limit + 1);
    if (newer.length <= limit) return listAuditTrail({ ...query, cursor: undefined }, { db });
    const page = newer.slice(0, limit).reverse();
    return pageOf(db, page, true, true);
  }
  const rows = await select(db, [where, cursor ? olderThan(cursor) : undefined], NEWEST_FIRST, limit + 1);
  return pageOf(db, rows.slice(0, limit), rows.length > limit, cursor !== undefined);
});

async function pageOf(db: Db, rows: Selected[], hasOlder: boolean, hasNewer: boolean): Promise<AuditTrailPage> {
  const first = rows.at(0);
  const last = rows.at(-1);
  return {
    events: await withStaffTargets(
      db,
      rows.map((row) => toTrailEvent(row.event)),
    ),
    nextCursor: hasOlder && last ? encodeAuditCursor({ direction: 'next', ...positionOf(last) }) : null,
    prevCursor: hasNewer && first ? encodeAuditCursor({ direction: 'prev', ...positionOf(first) }) : null,
  };
}

/** Every event of a filter, newest first, one keyset batch at a time (the CSV export). */
export async function* auditEventBatches(
  db: Db,
  filters: AuditFilters,
  batchSize: number,
): AsyncGenerator<AuditTrailEvent[]> {
  const where = auditWhere(filters);
  let position: Position | null = null;
  for (;;) {
    const batch = await select(db, [where, position ? olderThan(position) : undefined], NEWEST_FIRST, batchSize);
    const last = batch.at(-1);
    if (!last) return;
    position = positionOf(last);
    yield await withStaffTargets(
      db,
      batch.map((row) => toTrailEvent(row.event)),
    );
    if (batch.length < batchSize) return;
  }
}
