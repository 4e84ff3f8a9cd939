import 'server-only';
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { auditEvents, type AuditEventRow } from '@/lib/db/schema';
import type { RequestContext } from '@/lib/model/staff';
import { AppError } from '@/lib/errors';
import { getLogger } from '@/lib/log';
import type { CsvExport } from '@/lib/csv';

export type AuditAction =
  | 'sign_in'
  | 'sign_out'
  | 'billing_key.issue'
  | 'billing_key.replace'
  | 'billing_key.lookup'
  | 'billing_key.delete'
  | 'billing_key.delete_requested'
  | 'billing_key.acknowledge'
  | 'billing_keys.export'
  | 'billing_keys.reconcile'
  | 'staff.create'
  | 'staff.update'
  | 'settings.update'
  | 'audit.export'
  | (string & {});

export interface AuditInput {
  action: AuditAction;
  result: 'success' | 'failure' | 'denied';
  targetType?: string;
  targetId?: string;
  /** Masked data only: never card fields. */
  details?: Record<string, unknown>;
}

/** The row of an audit event, for a caller that writes it together with what it records. */
export function auditRow(context: RequestContext, input: AuditInput): typeof auditEvents.$inferInsert {
  return {
    actorId: context.actor?.id ?? null,
    actorEmail: context.actor?.email ?? null,
    ip: context.ip,
    action: input.action,
    result: input.result,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    details: input.details ?? null,
  };
}

export const AUDIT_UNAVAILABLE_MESSAGE =
  '감사 기록을 남길 수 없어 요청을 처리하지 않았습니다. 잠시 후 다시 시도하고, 계속되면 관리자에게 알리세요.';

/**
 * Writes one audit event before (or with) the action it records. An action whose event cannot be
 * written does not happen: the failure is thrown as `audit_unavailable` (503), for the caller to
 * stop before it acts.
 */
export async function recordAudit(db: Db, context: RequestContext, input: AuditInput): Promise<void> {
  try {
    await db.insert(auditEvents).values(auditRow(context, input));
  } catch (error) {
    getLogger().error({ err: error, action: input.action, targetId: input.targetId }, 'audit event not written');
    throw new AppError('audit_unavailable', AUDIT_UNAVAILABLE_MESSAGE);
  }
}

/**
 * An export: records who exported what (`action`, with the file name and the filter), and only then
 * opens the CSV, so no file goes out unaudited.
 */
export async function auditedCsvExport(
  db: Db,
  context: RequestContext,
  event: { action: AuditAction; targetType: string; filename: string; filter: unknown },
  openStream: () => ReadableStream<Uint8Array>,
): Promise<CsvExport> {
  const { action, targetType, filename, filter } = event;
  await recordAudit(db, context, {
    action,
    result: 'success',
    targetType,
    details: { format: 'csv', filename, filter },
  });
  return { filename, stream: openStream() };
}

/**
 * Writes the outcome of something that has already happened and cannot be undone (a deletion at
 * Iamport, whose request event was written before), or of something refused or failed that the
 * caller is about to report. Its failure is logged at error level and returned, never thrown over
 * the answer the caller owes.
 */
export async function recordAuditOutcome(db: Db, context: RequestContext, input: AuditInput): Promise<boolean> {
  try {
    await db.insert(auditEvents).values(auditRow(context, input));
    return true;
  } catch (error) {
    getLogger().error({ err: error, action: input.action, targetId: input.targetId }, 'audit outcome not written');
    return false;
  }
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  result?: 'success' | 'failure' | 'denied';
  from?: Date;
  to?: Date;
  /** Keyset: events with id below this one. */
  beforeId?: number;
  limit?: number;
}

export async function listAuditEvents(db: Db, filter: AuditFilter = {}): Promise<AuditEventRow[]> {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.targetType) conditions.push(eq(auditEvents.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditEvents.targetId, filter.targetId));
  if (filter.result) conditions.push(eq(auditEvents.result, filter.result));
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.at, filter.to));
  if (filter.beforeId) conditions.push(lt(auditEvents.id, filter.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(Math.min(filter.limit ?? 100, 1000));
}
