import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { RequestContext } from '@/lib/auth/types';
import type { Db } from '@/lib/db';
import { billingKeys } from '@/lib/db/schema';
import { formatKst } from '@/lib/format';
import { filterOnly, type BillingKeyFilters, type SortField } from '@/lib/validations/billing-key-filters';
import {
  billingKeyOrderBy,
  billingKeyWhere,
  listColumns,
  SORTS,
  tieOrder,
  toListRow,
  type BillingKeyListRow,
  type SelectedListRow,
} from './list';

/** Rows per query: big enough to keep round trips few, small enough that memory stays flat. */
export const EXPORT_BATCH_SIZE = 1000;

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * `formatKst`'s output without Intl, which costs ~7 µs a call: 2 s of a 100,000-row export. Korea
 * has kept UTC+9 without daylight saving since 1988, so a fixed offset is exact.
 */
export function fastKst(iso: string | null): string {
  if (!iso) return '';
  const shifted = new Date(new Date(iso).getTime() + KST_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)} KST`;
}

const kst = fastKst;
const CARD_TYPE_TEXT = { credit: '신용', check: '체크', unknown: '' } as const;

/** The CSV's columns: masked data only, never a full card number (the table has none). */
export const CSV_COLUMNS: readonly { header: string; value: (row: BillingKeyListRow) => string | null }[] = [
  { header: '고객 결제수단 ID (customer_uid)', value: (row) => row.customerUid },
  { header: '카드사', value: (row) => row.cardName },
  { header: '카드사 코드', value: (row) => row.cardCode },
  { header: '카드번호 (마스킹)', value: (row) => row.cardNumberMasked },
  { header: '신용/체크', value: (row) => CARD_TYPE_TEXT[row.cardType] },
  { header: 'PG사', value: (row) => row.pgProvider },
  { header: '상점 아이디 (MID)', value: (row) => row.pgId },
  { header: '테스트/실제', value: (row) => (row.sandbox === null ? '' : row.sandbox ? '테스트' : '실제') },
  { header: '상태', value: (row) => (row.status === 'deleted' ? '삭제됨' : '활성') },
  { header: '고객 이름', value: (row) => row.customerName },
  { header: '연락처', value: (row) => row.customerTel },
  { header: '이메일', value: (row) => row.customerEmail },
  { header: '발급 시각 (KST)', value: (row) => kst(row.issuedAt) },
  { header: '발급자', value: (row) => row.issuedBy },
  { header: '수정 시각 (KST)', value: (row) => kst(row.updatedAt) },
  { header: '삭제 시각 (KST)', value: (row) => kst(row.deletedAt) },
  { header: '삭제자', value: (row) => row.deletedBy },
  { header: '삭제 사유', value: (row) => row.deleteReason },
];

/**
 * One CSV cell (RFC 4180 quoting). A value a spreadsheet would run as a formula (= + - @, or a tab
 * or CR that some treat the same) gets a leading apostrophe, so it is shown as text.
 */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly (string | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** `billing-keys-20260131-0905.csv`, stamped in KST. */
export function exportFilename(now: Date): string {
  const stamp = formatKst(now.toISOString()).replace(/^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}).*$/, '$1$2$3-$4$5');
  return `billing-keys-${stamp}.csv`;
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

/** Reads every row of the filter in the view's order, one keyset batch at a time. */
export async function* billingKeyBatches(
  db: Db,
  filters: BillingKeyFilters,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<BillingKeyListRow[]> {
  const where = billingKeyWhere(filters);
  const orderBy = billingKeyOrderBy(filters.sort, filters.order);
  let cursor: ListCursor | null = null;
  for (;;) {
    const after: SQL | undefined = cursor ? billingKeyAfter(filters.sort, filters.order, cursor) : undefined;
    const batch: (SelectedListRow & { cursor: string | null })[] = await db
      .select({ ...listColumns, cursor: cursorValue(filters.sort) })
      .from(billingKeys)
      .where(and(where, after))
      .orderBy(...orderBy)
      .limit(batchSize);
    const last = batch.at(-1);
    if (!last) return;
    cursor = { value: last.cursor, customerUid: last.customerUid };
    yield batch.map(toListRow);
    if (batch.length < batchSize) return;
  }
}

/**
 * The CSV of a filter as a byte stream: UTF-8 with a BOM (so Excel reads Korean), pulled batch by
 * batch so memory stays flat however many keys there are.
 */
export function billingKeysCsvStream(db: Db, filters: BillingKeyFilters, batchSize = EXPORT_BATCH_SIZE) {
  const encoder = new TextEncoder();
  let batches: AsyncGenerator<BillingKeyListRow[]> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(CSV_COLUMNS.map((column) => column.header))}`));
    },
    async pull(controller) {
      batches ??= billingKeyBatches(db, filters, batchSize);
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value.map((row) => csvLine(CSV_COLUMNS.map((column) => column.value(row)))).join('');
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches?.return(undefined);
    },
  });
}

export interface BillingKeysExport {
  filename: string;
  stream: ReadableStream<Uint8Array>;
}

/** Starts the CSV export of a filter and records who exported what (`billing_keys.export`). */
export async function exportBillingKeys(
  db: Db,
  filters: BillingKeyFilters,
  context: RequestContext,
  now: Date = new Date(),
): Promise<BillingKeysExport> {
  const filename = exportFilename(now);
  await recordAudit(db, context, {
    action: 'billing_keys.export',
    result: 'success',
    targetType: 'billing_keys',
    details: { format: 'csv', filename, filter: filterOnly(filters) },
  });
  return { filename, stream: billingKeysCsvStream(db, filters) };
}
