import { apiRoute, json } from '@/lib/api';
import { getAuthState } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * Who is signed in, whether they must set up 2FA before anything else, and how long the session
 * lasts (in milliseconds from now, so a browser's clock does not matter). 401 when nobody is.
 * Being a signed-in request, it also counts as activity: the issue form calls it to stay alive.
 */
// Public: it is how the UI learns whether anyone is signed in (401 when not).
export const GET = apiRoute('public', async (request) => {
  const state = await getAuthState(request.headers);
  if (!state) throw new AppError('unauthenticated', '로그인이 필요합니다.');
  const now = Date.now();
  return json({
    actor: state.actor,
    name: state.name,
    twoFactorEnabled: state.twoFactorEnabled,
    mustEnrollTwoFactor: state.mustEnrollTwoFactor,
    session: {
      idleRemainingMs: Math.max(0, state.idleEndsAt.getTime() - now),
      remainingMs: Math.max(0, state.endsAt.getTime() - now),
      idleTimeoutMs: getEnv().AUTH_IDLE_TIMEOUT_MINUTES * 60_000,
    },
  });
});
