import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { createStaffAccount, listStaff } from '@/lib/auth/staff';
import { requestContext } from '@/lib/request-context';
import { staffCreateSchema } from '@/lib/validations/auth';

export const GET = apiRoute('staff.manage', async () => json({ staff: await listStaff() }));

/** An admin creates an account with an initial password (the same rules as every password). */
export const POST = apiRoute('staff.manage', async (request, _context, actor) => {
  const input = parseWith(staffCreateSchema, await readJsonBody(request));
  const staff = await createStaffAccount(input, 'staff-page', requestContext(request, actor));
  return json({ staff }, 201);
});
