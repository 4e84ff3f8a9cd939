import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { recordAudit } from '@/lib/audit';
import { getAuthRuntime } from '@/lib/auth/auth';
import { updateStaffAccount } from '@/lib/auth/staff';
import { requestContext } from '@/lib/request-context';
import { staffUpdateSchema } from '@/lib/validations/auth';

/** Role change, deactivation (ends every session of the account) or reactivation. */
export const PATCH = apiRoute(
  'staff.manage',
  async (request, { params }: { params: Promise<{ userId: string }> }, actor) => {
    const { userId } = await params;
    const change = parseWith(staffUpdateSchema, await readJsonBody(request));
    const { db } = await getAuthRuntime();
    const { before, after } = await updateStaffAccount(db, actor, userId, change);
    await recordAudit(db, requestContext(request, actor), {
      action: 'staff.update',
      result: 'success',
      targetType: 'staff',
      targetId: userId,
      details: {
        email: after.email,
        ...(before.role !== after.role ? { role: { from: before.role, to: after.role } } : {}),
        ...(before.active !== after.active ? { active: { from: before.active, to: after.active } } : {}),
      },
    });
    return json({ staff: after });
  },
);
