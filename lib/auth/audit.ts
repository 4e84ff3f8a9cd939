import 'server-only';
import type { Db } from '@/lib/db';
import { auditEvents } from '@/lib/db/schema';
import { getLogger } from '@/lib/log';

export interface AuthAuditInput {
  action:
    | 'sign_in'
    | 'sign_in.challenge'
    | 'sign_out'
    | 'sign_out.everywhere'
    | 'account.two_factor'
    | 'account.two_factor_requested'
    | 'account.password';
  result: 'success' | 'failure' | 'denied';
  /** The account, when known (a failed sign-in may name an email nobody has). */
  userId: string | null;
  /** The email typed or the account's; never the password or a code. */
  email: string | null;
  ip: string | null;
  details?: Record<string, unknown>;
}

/**
 * Writes a sign-in or account event. Unlike `recordAudit` it takes the email without a role, since
 * a failed sign-in has no actor yet. A write failure is logged and returned: the caller decides
 * (a sign-in that succeeded is then undone; a refusal is still refused).
 */
export async function recordAuthEvent(db: Db, input: AuthAuditInput): Promise<boolean> {
  try {
    await db.insert(auditEvents).values({
      actorId: input.userId,
      actorEmail: input.email,
      ip: input.ip,
      action: input.action,
      result: input.result,
      targetType: input.userId ? 'staff' : null,
      targetId: input.userId,
      details: input.details ?? null,
    });
    return true;
  } catch (error) {
    getLogger().error({ err: error, action: input.action }, 'audit event not written');
    return false;
  }
}
