import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
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
    const { after } = await updateStaffAccount(db, actor, userId, change, (before, changed) => ({
      context: requestContext(request, actor),
      event: {
        action: 'staff.update',
        result: 'success',
        targetType: 'staff',
        targetId: userId,
        details: {
          email: changed.email,
          ...(before.role !== changed.role ? { role: { from: before.role, to: changed.role } } : {}),
          ...(before.active !== changed.active ? { active: { from: before.active, to: changed.active } } : {}),
        },
      },
    }));
    return json({ staff: after });
  },
);
