import 'server-only';
import { defineUseCase, type Resolved } from '@/lib/runtime/deps';
import type { RequestContext } from '@/lib/model/staff';
import { csvStream, datedCsvFilename, fastKst, type CsvColumn, type CsvExport } from '@/lib/csv';
import { staffText } from '@/lib/format';
import type { Db } from '@/lib/db';
import { AUDIT_RESULT_LABELS, auditActionLabel, auditFiltersOf, type AuditFilters } from '@/lib/validations/audit';
import { auditedCsvExport } from '@/lib/audit';
import { actorLabel } from './display';
import { auditEventBatches } from './query';
import type { AuditTrailEvent } from '@/lib/model/audit';

/** Events per query: few round trips, flat memory. */
export const AUDIT_EXPORT_BATCH_SIZE = 1000;

/** Who or what was acted on, for people: a staff target by email (`삭제된 계정 (id)` when gone), else the id. */
function targetText(event: AuditTrailEvent): string | null {
  if (event.targetType === 'staff') return staffText(event.targetId, event.targetStaff?.email);
  return event.targetId;
}

/** The CSV's columns. Details are the stored JSON, which holds masked data only. */
export const AUDIT_CSV_COLUMNS: readonly CsvColumn<AuditTrailEvent>[] = [
  { header: '시각 (KST)', value: (event) => fastKst(event.at) },
  { header: '수행자', value: actorLabel },
  { header: '수행자 ID', value: (event) => event.actorId },
  { header: '작업', value: (event) => auditActionLabel(event.action) },
  { header: '작업 코드', value: (event) => event.action },
  { header: '대상 종류', value: (event) => event.targetType },
  { header: '대상', value: targetText },
  { header: '대상 ID', value: (event) => event.targetId },
  { header: '결과', value: (event) => AUDIT_RESULT_LABELS[event.result] },
  { header: 'IP', value: (event) => event.ip },
  { header: '내용 (JSON)', value: (event) => (event.details ? JSON.stringify(event.details) : null) },
  { header: '이벤트 ID', value: (event) => String(event.id) },
];

/** The trail of a filter as a CSV byte stream (UTF-8 with BOM), newest first, batch by batch. */
export function auditCsvStream(
  db: Db,
  filters: AuditFilters,
  batchSize = AUDIT_EXPORT_BATCH_SIZE,
): ReadableStream<Uint8Array> {
  return csvStream(AUDIT_CSV_COLUMNS, () => auditEventBatches(db, filters, batchSize));
}

/** Starts the CSV export of a filter and records who exported what (`audit.export`, with the filter). */
export const exportAuditEvents = defineUseCase(
  async (
    filters: AuditFilters,
    context: RequestContext,
    { db, now, batchSize = AUDIT_EXPORT_BATCH_SIZE }: Resolved<{ now?: Date; batchSize?: number }>,
  ): Promise<CsvExport> => {
    const filename = datedCsvFilename('audit-events', now ?? new Date());
    const filter = auditFiltersOf(filters);
    const event = { action: 'audit.export', targetType: 'audit_events', filename, filter };
    return auditedCsvExport(db, context, event, () => auditCsvStream(db, filter, batchSize));
  },
);
