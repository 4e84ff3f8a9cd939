import 'server-only';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { activeKeysWithCard, type DuplicateCardMatch } from '@/lib/db/billing-keys';
import { escapeLike } from '@/lib/db/sql';
import { staffEmailsById } from '@/lib/db/staff';
import { and, asc, desc, eq, gte, ilike, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { billingKeys } from '@/lib/db/schema';
import type { BillingKeyListRow } from '@/lib/model/billing-keys';
import { LIST_COLUMNS, toListRow } from './mapping';
import { AppError } from '@/lib/errors';
import {
  kstDayEnd,
  kstDayStart,
  parseBillingKeyFilters,
  type BillingKeyFilters,
  type SortField,
} from '@/lib/validations/billing-key-filters';

export interface BillingKeyListPage {
  rows: BillingKeyListRow[];
  /** Keys matching the filter, counted up to COUNT_CAP. */
  total: number;
  /** More than COUNT_CAP keys match: `total` is COUNT_CAP and the UI says "10,000+". */
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/**
 * Counting stops here: an exact COUNT(*) reads every matching row, which on a large table costs more
 * than the page itself, and nobody pages through more than 10,000 keys by hand.
 */
export const COUNT_CAP = 10_000;

const t = billingKeys;

/** The filters of a request's query string; 422 `invalid_query` naming the bad parameter otherwise. */
export function filtersFromUrl(url: string | URL): BillingKeyFilters {
  const parsed = parseBillingKeyFilters(new URL(url).searchParams);
  if (!parsed.success) throw new AppError('invalid_query', parsed.message, { fields: parsed.fields });
  return parsed.filters;
}

/**
 * Other spellings of a phone number the user typed, so `01012345678` finds `010-1234-5678` and the
 * other way round. Each stays a plain substring pattern, so the trigram index still applies.
 */
export function phoneSearchVariants(q: string): string[] {
  const variants = new Set<string>();
  if (/^[\d\s-]+$/.test(q) && /[\s-]/.test(q)) variants.add(q.replace(/[\s-]/g, ''));
  if (/^\d{7,11}$/.test(q)) {
    const n = q.length;
    const last = q.slice(n - 4);
    if (q.startsWith('02') && (n === 9 || n === 10)) variants.add(`02-${q.slice(2, n - 4)}-${last}`);
    else if (q.startsWith('0') && (n === 10 || n === 11)) variants.add(`${q.slice(0, 3)}-${q.slice(3, n - 4)}-${last}`);
    else if (n === 7 || n === 8) variants.add(`${q.slice(0, n - 4)}-${last}`);
  }
  variants.delete(q);
  return [...variants].filter((variant) => variant.length >= 3);
}

/** Below this many characters a substring has no trigram, so the GIN indexes cannot find it. */
export const TRIGRAM_MIN = 3;

/**
 * customer_uid, customer_id (the merchant's member id), name, phone and email as case-insensitive
 * substrings, through the trigram GIN indexes; 4 digits also match the card's last 4. Plain LIKE when the query has no letter with a
 * case (Hangul, digits): the same matches, cheaper. Phones are searched only for a query that could
 * be part of one, emails only for an ASCII one. A 1–2 character query matches the start or end of
 * the IDs and name (a surname, a given name) and the start of the email: those the index can find,
 * where "anywhere inside" would read the whole table.
 */
/**
 * A pasted masked card number (`****0004`, `52728900****0004`, `4518-42**-****-0007`): its last 4
 * through their index, and the digits before the mask as the start of the stored mask. Null for
 * anything else. Only a number with `*` counts: a bare 16-digit number may be a real card.
 */
export function maskedCardSearch(q: string): { last4: string; prefix: string } | null {
  const compact = q.replace(/[\s-]/g, '');
  const match = /^(\d*)\*+[\d*]*?(\d{4})$/.exec(compact);
  if (!match || !compact.includes('*')) return null;
  return { prefix: match[1] ?? '', last4: match[2] ?? '' };
}

function searchCondition(q: string): SQL {
  const masked = maskedCardSearch(q);
  if (masked) {
    return and(
      eq(t.cardLast4, masked.last4),
      masked.prefix ? like(t.cardNumberMasked, `${escapeLike(masked.prefix)}%`) : undefined,
    ) as SQL;
  }
  const match = q.toLowerCase() === q.toUpperCase() ? like : ilike;
  const escaped = escapeLike(q);
  const ascii = /^[\x20-\x7e]+$/.test(q);
  if ([...q].length < TRIGRAM_MIN) {
    const edges = (column: typeof t.customerUid | typeof t.customerName | typeof t.customerId) => [
      match(column, `${escaped}%`),
      match(column, `%${escaped}`),
    ];
    const parts = [...edges(t.customerUid), ...edges(t.customerName), ...edges(t.customerId)];
    if (ascii) parts.push(match(t.customerEmail, `${escaped}%`));
    return or(...parts) as SQL;
  }
  const pattern = `%${escaped}%`;
  const parts: SQL[] = [match(t.customerUid, pattern), match(t.customerName, pattern), match(t.customerId, pattern)];
  if (ascii) parts.push(match(t.customerEmail, pattern));
  if (/^[\d\s()+-]+$/.test(q)) {
    parts.push(like(t.customerTel, pattern));
    for (const variant of phoneSearchVariants(q)) parts.push(like(t.customerTel, `%${escapeLike(variant)}%`));
  }
  if (/^\d{4}$/.test(q)) parts.push(eq(t.cardLast4, q));
  return or(...parts) as SQL;
}

/** The WHERE clause of a filter (sort and paging aside); undefined when nothing narrows the list. */
export function billingKeyWhere(filters: BillingKeyFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.pg) conditions.push(eq(t.pgProvider, filters.pg));
  if (filters.mid) conditions.push(eq(t.pgId, filters.mid));
  if (filters.card) conditions.push(eq(t.cardCode, filters.card));
  if (filters.card_type === 'credit') conditions.push(eq(t.cardType, 0));
  if (filters.card_type === 'check') conditions.push(eq(t.cardType, 1));
  if (filters.card_type === 'unknown') conditions.push(isNull(t.cardType));
  if (filters.env) conditions.push(eq(t.sandbox, filters.env === 'test'));
  if (filters.status) conditions.push(eq(t.status, filters.status));
  if (filters.from) conditions.push(gte(t.issuedAt, kstDayStart(filters.from)));
  if (filters.to) conditions.push(lt(t.issuedAt, kstDayEnd(filters.to)));
  if (filters.issued_by) conditions.push(eq(t.issuedBy, filters.issued_by));
  if (filters.q) conditions.push(searchCondition(filters.q));
  return conditions.length ? and(...conditions) : undefined;
}

interface SortSpec {
  column: typeof t.customerUid | typeof t.issuedAt | typeof t.updatedAt | typeof t.customerName | typeof t.cardName;
  kind: 'timestamp' | 'text' | 'unique';
  nullable: boolean;
}

export const SORTS: Record<SortField, SortSpec> = {
  issued_at: { column: t.issuedAt, kind: 'timestamp', nullable: false },
  updated_at: { column: t.updatedAt, kind: 'timestamp', nullable: false },
  customer_uid: { column: t.customerUid, kind: 'unique', nullable: false },
  customer_name: { column: t.customerName, kind: 'text', nullable: true },
  card_name: { column: t.cardName, kind: 'text', nullable: true },
};

/**
 * Direction of the customer_uid tie-break. The timestamp indexes are `(col DESC, customer_uid)`, so
 * the tie-break runs against the column and either direction walks one index.
 */
export function tieOrder(sort: SortField, order: 'asc' | 'desc'): 'asc' | 'desc' {
  if (SORTS[sort].kind !== 'timestamp') return order;
  return order === 'asc' ? 'desc' : 'asc';
}

/**
 * ORDER BY of a sort; rows without a name come last either way. The timestamp indexes are
 * `(col DESC NULLS LAST, customer_uid)`: the columns are NOT NULL, so spelling the NULLS clause the
 * index's way changes no order, but lets PostgreSQL walk the index instead of sorting every row.
 */
export function billingKeyOrderBy(sort: SortField, order: 'asc' | 'desc'): SQL[] {
  const { column, kind, nullable } = SORTS[sort];
  const tie = tieOrder(sort, order) === 'asc' ? asc(t.customerUid) : desc(t.customerUid);
  if (kind === 'unique') return [order === 'asc' ? asc(column) : desc(column)];
  if (kind === 'timestamp')
    return [order === 'asc' ? sql`${column} asc nulls first` : sql`${column} desc nulls last`, tie];
  return [nullable ? sql`${column} ${sql.raw(order)} nulls last` : order === 'asc' ? asc(column) : desc(column), tie];
}

/** The filtered, sorted page of billing keys with the count of matches (capped). Masked data only. */
export const listBillingKeys = defineUseCase(
  async (
    filters: BillingKeyFilters,
    { db, countCap = COUNT_CAP }: Resolved<{ countCap?: number }>,
  ): Promise<BillingKeyListPage> => {
    const where = billingKeyWhere(filters);
    const matches = db
      .select({ one: sql`1` })
      .from(t)
      .where(where)
      .limit(countCap + 1)
      .as('matches');
    const [rows, [counted]] = await Promise.all([
      db
        .select(LIST_COLUMNS)
        .from(t)
        .where(where)
        .orderBy(...billingKeyOrderBy(filters.sort, filters.order))
        .limit(filters.page_size)
        .offset((filters.page - 1) * filters.page_size),
      db.select({ total: sql<number>`count(*)::int` }).from(matches),
    ]);
    const total = counted?.total ?? 0;
    return {
      rows: await withIssuerEmails(db, rows.map(toListRow)),
      total: Math.min(total, countCap),
      totalCapped: total > countCap,
      page: filters.page,
      pageSize: filters.page_size,
    };
  },
);

export interface BillingKeyFacets {
  /** PG providers present in the table, each with its MIDs. */
  providers: { pgProvider: string; mids: string[] }[];
  cards: { code: string; name: string | null }[];
  issuers: { id: string; email: string | null }[];
}

/**
 * The values the filter form offers, read by skipping through the indexes (one probe per distinct
 * value) instead of scanning the table.
 */
export const listBillingKeyFacets = defineUseCase(async ({ db }: Resolved): Promise<BillingKeyFacets> => {
  const [pairs, cards, issuers] = await Promise.all([
    db.execute<{ pg_provider: string; pg_id: string }>(sql`
      with recursive pairs as (
        (select pg_provider, pg_id from billing_keys order by pg_provider, pg_id limit 1)
        union all
        select next.pg_provider, next.pg_id from pairs cross join lateral (
          select b.pg_provider, b.pg_id from billing_keys b
          where (b.pg_provider, b.pg_id) > (pairs.pg_provider, pairs.pg_id)
          order by b.pg_provider, b.pg_id limit 1) next
      ) select pg_provider, pg_id from pairs limit 500`),
    db.execute<{ card_code: string; card_name: string | null }>(sql`
      with recursive codes as (
        (select card_code from billing_keys where card_code is not null order by card_code limit 1)
        union all
        select next.card_code from codes cross join lateral (
          select b.card_code from billing_keys b where b.card_code > codes.card_code order by b.card_code limit 1) next
      ) select card_code, (select b.card_name from billing_keys b where b.card_code = codes.card_code
          and b.card_name is not null order by b.issued_at desc limit 1) as card_name
        from codes limit 200`),
    db.execute<{ issued_by: string }>(sql`
      with recursive issuers as (
        (select issued_by from billing_keys where issued_by is not null order by issued_by limit 1)
        union all
        select next.issued_by from issuers cross join lateral (
          select b.issued_by from billing_keys b where b.issued_by > issuers.issued_by order by b.issued_by limit 1) next
      ) select issued_by from issuers limit 200`),
  ]);
  const issuerEmails = await staffEmailsById(
    db,
    issuers.rows.map((row) => row.issued_by),
  );
  const providers = new Map<string, string[]>();
  for (const { pg_provider: provider, pg_id: mid } of pairs.rows) {
    providers.set(provider, [...(providers.get(provider) ?? []), mid]);
  }
  return {
    providers: [...providers].map(([pgProvider, mids]) => ({ pgProvider, mids })),
    cards: cards.rows.map((row) => ({ code: row.card_code, name: row.card_name })),
    issuers: issuers.rows.map((row) => ({ id: row.issued_by, email: issuerEmails.get(row.issued_by) ?? null })),
  };
});

/** Names the issuers by email (one query for the page). */
async function withIssuerEmails(db: Db, rows: BillingKeyListRow[]): Promise<BillingKeyListRow[]> {
  const emails = await staffEmailsById(
    db,
    rows.map((row) => row.issuedBy),
  );
  return rows.map((row) => ({ ...row, issuedByEmail: row.issuedBy ? (emails.get(row.issuedBy) ?? null) : null }));
}

/**
 * The active keys under another customer_uid whose masked number fits the typed card's first six
 * and last four digits (the issue form's duplicate warning). The digits are compared, never kept.
 */
export const findDuplicateCards = defineUseCase(
  async (
    card: { bin6: string; last4: string; exceptUid?: string },
    { db }: Resolved,
  ): Promise<DuplicateCardMatch[]> => {
    return activeKeysWithCard(db, card);
  },
);
