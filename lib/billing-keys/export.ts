import 'server-only';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import { and, sql, type SQL } from 'drizzle-orm';
import { auditedCsvExport } from '@/lib/audit';
import type { RequestContext } from '@/lib/model/staff';
import { csvStream, datedCsvFilename, type CsvColumn, type CsvExport } from '@/lib/csv';
import { CARD_TYPE_SHORT_LABELS, staffText } from '@/lib/format';
import type { Db } from '@/lib/db';
import { billingKeys } from '@/lib/db/schema';
import { staffEmailsById } from '@/lib/db/staff';
import { filterOnly, type BillingKeyFilters, type SortField } from '@/lib/validations/billing-key-filters';
import type { BillingKeyListRow } from '@/lib/model/billing-keys';
import { billingKeyOrderBy, billingKeyWhere, SORTS, tieOrder } from './list';
import { cardTypeOf, LIST_COLUMNS } from './mapping';

/** Rows per query: big enough to keep round trips few, small enough that memory stays flat. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * A row of the export: the list row with its times already written `YYYY-MM-DD HH:mm:ss KST` by the
 * database, and who issued and deleted it by email.
 */
export type ExportRow = Omit<BillingKeyListRow, 'issuedAt' | 'updatedAt' | 'deletedAt'> & {
  issuedAtKst: string;
  updatedAtKst: string;
  deletedAtKst: string | null;
  deletedByEmail: string | null;
};

/** The CSV's columns: masked data only, never a full card number (the table has none). */
export const CSV_COLUMNS: readonly CsvColumn<ExportRow>[] = [
  { header: '고객 결제수단 ID (customer_uid)', value: (row) => row.customerUid },
  { header: '카드사', value: (row) => row.cardName },
  { header: '카드사 코드', value: (row) => row.cardCode },
  { header: '카드번호 (마스킹)', value: (row) => row.cardNumberMasked },
  { header: '신용/체크', value: (row) => (row.cardType === 'unknown' ? '' : CARD_TYPE_SHORT_LABELS[row.cardType]) },
  { header: 'PG사', value: (row) => row.pgProvider },
  { header: '상점 아이디 (MID)', value: (row) => row.pgId },
  { header: '테스트/실제', value: (row) => (row.sandbox === null ? '' : row.sandbox ? '테스트' : '실제') },
  { header: '상태', value: (row) => (row.status === 'deleted' ? '삭제됨' : '활성') },
  { header: '고객 이름', value: (row) => row.customerName },
  { header: '연락처', value: (row) => row.customerTel },
  { header: '이메일', value: (row) => row.customerEmail },
  { header: '발급 시각 (KST)', value: (row) => row.issuedAtKst },
  { header: '발급자', value: (row) => staffText(row.issuedBy, row.issuedByEmail) },
  { header: '수정 시각 (KST)', value: (row) => row.updatedAtKst },
  { header: '삭제 시각 (KST)', value: (row) => row.deletedAtKst },
  { header: '삭제한 사람', value: (row) => staffText(row.deletedBy, row.deletedByEmail) },
  { header: '삭제 사유', value: (row) => row.deleteReason },
];

/** `billing-keys-20260131-0905.csv`, stamped in KST. */
export function exportFilename(now: Date): string {
  return datedCsvFilename('billing-keys', now);
}

/** Where the previous batch stopped: the sort column as text (full microsecond precision) and the uid. */
interface ListCursor {
  value: string | null;
  customerUid: string;
}

/** The sort column as text, to resume after it exactly (a JS Date would drop the microseconds). */
export function cursorValue(sort: SortField): SQL<string | null> {
  return sql<string | null>`${SORTS[sort].column}::text`;
}

/** Rows strictly after `cursor` in the order of `billingKeyOrderBy(sort, order)`. */
export function billingKeyAfter(sort: SortField, order: 'asc' | 'desc', cursor: ListCursor): SQL {
  const { column, kind, nullable } = SORTS[sort];
  const uidOp = sql.raw(tieOrder(sort, order) === 'asc' ? '>' : '<');
  const afterUid = sql`${billingKeys.customerUid} ${uidOp} ${cursor.customerUid}`;
  if (kind === 'unique') return afterUid;
  if (cursor.value === null) return sql`(${column} is null and ${afterUid})`;
  const value = kind === 'timestamp' ? sql`${cursor.value}::timestamptz` : sql`${cursor.value}`;
  const op = sql.raw(order === 'asc' ? '>' : '<');
  const opOrEqual = sql.raw(order === 'asc' ? '>=' : '<=');
  // The first bound alone is what an index can seek to; the OR inside only trims the equal values.
  const later = sql`${column} ${opOrEqual} ${value} and (${column} ${op} ${value} or ${afterUid})`;
  return nullable ? sql`((${later}) or ${column} is null)` : sql`(${later})`;
}

/** Korea has kept UTC+9 without daylight saving since 1988: a fixed offset is exact. */
const kstText = (column: typeof billingKeys.issuedAt | typeof billingKeys.deletedAt) =>
  sql`to_char(${column} at time zone interval '+09:00', 'YYYY-MM-DD HH24:MI:SS') || ' KST'`;

/** The list's columns, with the times as KST text. */
const { issuedAt, updatedAt, deletedAt, ...UNTIMED_COLUMNS } = LIST_COLUMNS;
const EXPORT_FIELDS = {
  ...UNTIMED_COLUMNS,
  issuedAtKst: kstText(issuedAt),
  updatedAtKst: kstText(updatedAt),
  deletedAtKst: kstText(deletedAt),
};
const FIELD_KEYS = Object.keys(EXPORT_FIELDS) as (keyof typeof EXPORT_FIELDS)[];

/**
 * Each row as one JSON array text, times formatted by the database. Drivers decode every field on
 * its own (PGlite copies and decodes each in JavaScript), and parsing dates in JavaScript is slow:
 * this keeps a 100,000-row export within seconds on PGlite.
 */
const rowAsJson = sql<string>`json_build_array(${sql.join(
  FIELD_KEYS.map((key) => EXPORT_FIELDS[key]),
  sql`, `,
)})::text`;

type StoredExportRow = Omit<ExportRow, 'issuedByEmail' | 'deletedByEmail'>;

function rowFromJson(json: string): StoredExportRow {
  const values = JSON.parse(json) as unknown[];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < FIELD_KEYS.length; i++) row[FIELD_KEYS[i] as string] = values[i] ?? null;
  return { ...(row as Omit<StoredExportRow, 'cardType'>), cardType: cardTypeOf(row.cardType) };
}

/** Names a batch's issuers and deleters by email, in one query. */
async function withStaffEmails(db: Db, rows: StoredExportRow[]): Promise<ExportRow[]> {
  const emails = await staffEmailsById(
    db,
    rows.flatMap((row) => [row.issuedBy, row.deletedBy]),
  );
  return rows.map((row) => ({
    ...row,
    issuedByEmail: row.issuedBy ? (emails.get(row.issuedBy) ?? null) : null,
    deletedByEmail: row.deletedBy ? (emails.get(row.deletedBy) ?? null) : null,
  }));
}

/** Reads every row of the filter in the view's order, one keyset batch at a time. */
export async function* billingKeyBatches(
  db: Db,
  filters: BillingKeyFilters,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportRow[]> {
  const where = billingKeyWhere(filters);
  const orderBy = billingKeyOrderBy(filters.sort, filters.order);
  let cursor: ListCursor | null = null;
  for (;;) {
    const after: SQL | undefined = cursor ? billingKeyAfter(filters.sort, filters.order, cursor) : undefined;
    const batch: { json: string; customerUid: string; cursor: string | null }[] = await db
      .select({ json: rowAsJson, customerUid: billingKeys.customerUid, cursor: cursorValue(filters.sort) })
      .from(billingKeys)
      .where(and(where, after))
      .orderBy(...orderBy)
      .limit(batchSize);
    const last = batch.at(-1);
    if (!last) return;
    cursor = { value: last.cursor, customerUid: last.customerUid };
    yield await withStaffEmails(
      db,
      batch.map((row) => rowFromJson(row.json)),
    );
    if (batch.length < batchSize) return;
  }
}

/**
 * The CSV of a filter as a byte stream: UTF-8 with a BOM (so Excel reads Korean), pulled batch by
 * batch so memory stays flat however many keys there are.
 */
export function billingKeysCsvStream(db: Db, filters: BillingKeyFilters, batchSize = EXPORT_BATCH_SIZE) {
  return csvStream(CSV_COLUMNS, () => billingKeyBatches(db, filters, batchSize));
}

/** Starts the CSV export of a filter and records who exported what (`billing_keys.export`). */
export const exportBillingKeys = defineUseCase(
  async (
    filters: BillingKeyFilters,
    context: RequestContext,
    { db, now }: Resolved<{ now?: Date }>,
  ): Promise<CsvExport> => {
    const filename = exportFilename(now ?? new Date());
    const event = { action: 'billing_keys.export', targetType: 'billing_keys', filename, filter: filterOnly(filters) };
    return auditedCsvExport(db, context, event, () => billingKeysCsvStream(db, filters));
  },
);
