import { apiRoute, json } from '@/lib/api';
import { getAuthState } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';

/** Who is signed in, and whether they must set up 2FA before anything else. 401 when nobody is. */
// Public: it is how the UI learns whether anyone is signed in (401 when not).
export const GET = apiRoute('public', async (request) => {
  const state = await getAuthState(request.headers);
  if (!state) throw new AppError('unauthenticated', '로그인이 필요합니다.');
  return json({
    actor: state.actor,
    name: state.name,
    twoFactorEnabled: state.twoFactorEnabled,
    mustEnrollTwoFactor: state.mustEnrollTwoFactor,
  });
});
