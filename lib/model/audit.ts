import type { AuditResult } from '@/lib/validations/audit';
import type { StaffPerson } from './staff';

/** One audit event as `/audit`, `GET /api/audit` and the CSV show it. */
export interface AuditTrailEvent {
  id: number;
  /** ISO 8601. */
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  /** `billing_key` (targetId is the customer_uid), `staff` (a staff id), `setting`, `billing_keys`, …; null when none. */
  targetType: string | null;
  targetId: string | null;
  /** A `staff` target's account, so screens name the person; null for other targets and an id no account has. */
  targetStaff: StaffPerson | null;
  ip: string | null;
  result: AuditResult;
  /** Masked data only, by construction of every `recordAudit` caller. */
  details: Record<string, unknown> | null;
}

/** `GET /api/audit`: one page, newest first; a cursor is null when there is no page that way. */
export interface AuditTrailPage {
  events: AuditTrailEvent[];
  /** Older events (the "다음" page). */
  nextCursor: string | null;
  /** Newer events (the "이전" page). */
  prevCursor: string | null;
}
