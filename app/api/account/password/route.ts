import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { getAuthRuntime } from '@/lib/auth/auth';
import { recordAuthEvent } from '@/lib/auth/audit';
import { RATE_LIMITED_MESSAGE } from '@/lib/auth/hooks';
import { beginSignInAttempt, settleSignInAttempt } from '@/lib/auth/rate-limit';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/request-context';
import { changePasswordSchema } from '@/lib/validations/auth';

const WRONG_CURRENT = '현재 비밀번호가 올바르지 않습니다.';

/**
 * Own password change, with the app's password rule. Wrong current passwords count towards the
 * sign-in limit. Other sessions end; this browser gets a fresh session cookie.
 */
export const POST = apiRoute(
  { permission: 'account.self', options: { allowPendingTwoFactor: true } },
  async (request, _context, actor) => {
    const input = parseWith(changePasswordSchema(actor.email), await readJsonBody(request));
    const runtime = await getAuthRuntime();
    const ip = clientIp(request);
    const attempt = await beginSignInAttempt(runtime.db, { email: actor.email, ip }, runtime.now());
    if (!attempt.allowed) {
      const message = RATE_LIMITED_MESSAGE(attempt.retryAfterSeconds);
      const response = json({ error: { code: 'rate_limited', message, retryAfter: attempt.retryAfterSeconds } }, 429);
      response.headers.set('Retry-After', String(attempt.retryAfterSeconds));
      return response;
    }
    const result = await runtime.auth.api.changePassword({
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
      headers: request.headers,
      asResponse: true,
    });
    await settleSignInAttempt(runtime.db, attempt.attemptId, result.ok);
    await recordAuthEvent(runtime.db, {
      action: 'account.password',
      result: result.ok ? 'success' : 'failure',
      userId: actor.id,
      email: actor.email,
      ip,
      details: result.ok ? { otherSessions: 'ended' } : { status: result.status },
    });
    if (result.status === 401) throw new AppError('unauthenticated', '로그인이 필요합니다. 다시 로그인하세요.');
    if (result.status === 400) {
      throw new AppError('validation_failed', WRONG_CURRENT, { fields: { currentPassword: WRONG_CURRENT } });
    }
    if (!result.ok) throw new Error(`change-password answered HTTP ${result.status}`);
    const response = json({ changed: true });
    for (const cookie of result.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
    return response;
  },
);
