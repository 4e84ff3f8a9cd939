import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { updateStaffAccount } from '@/lib/auth/staff';
import { requestContext } from '@/lib/request-context';
import { staffUpdateSchema } from '@/lib/validations/auth';

/** Role change, deactivation (ends every session of the account) or reactivation. */
export const PATCH = apiRoute(
  'staff.manage',
  async (request, { params }: { params: Promise<{ userId: string }> }, actor) => {
    const { userId } = await params;
    const change = parseWith(staffUpdateSchema, await readJsonBody(request));
    const { after } = await updateStaffAccount(userId, change, requestContext(request, actor));
    return json({ staff: after });
  },
);
