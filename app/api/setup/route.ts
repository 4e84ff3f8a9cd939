import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { adminExists, createStaffAccount } from '@/lib/auth/staff';
import { AppError } from '@/lib/errors';
import { requestContext } from '@/lib/request-context';
import { setupSchema } from '@/lib/validations/auth';

const CLOSED = '이미 관리자 계정이 있어 초기 설정을 할 수 없습니다. 로그인하세요.';

/** Creates the first admin; refused for good once any admin exists. */
export const POST = apiRoute('public', async (request) => {
  if (await adminExists()) throw new AppError('forbidden', CLOSED);
  const input = parseWith(setupSchema, await readJsonBody(request));
  const staff = await createStaffAccount(
    { email: input.email, name: input.name, role: 'admin', password: input.password },
    'setup',
    requestContext(request),
  );
  return json({ staff }, 201);
});
