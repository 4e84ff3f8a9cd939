import 'server-only';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/model/staff';
import type { ChangePasswordInput } from '@/lib/validations/auth';
import type { AuthRuntime } from './auth';
import { recordAuthEvent } from './audit';
import { beginSignInAttempt, settleSignInAttempt } from './rate-limit';

const WRONG_CURRENT = '현재 비밀번호가 올바르지 않습니다.';

export type PasswordChange =
  | { status: 'changed'; /** The fresh session cookie for this browser. */ setCookies: string[] }
  | { status: 'rate_limited'; retryAfterSeconds: number };

/**
 * One's own password change (input already parsed with `changePasswordSchema`). A wrong current
 * password counts towards the sign-in limit like a failed sign-in; every other session ends. Audited
 * as `account.password` either way.
 */
export async function changeOwnPassword(
  runtime: AuthRuntime,
  actor: Actor,
  input: Pick<ChangePasswordInput, 'currentPassword' | 'newPassword'>,
  request: { headers: Headers; ip: string | null },
): Promise<PasswordChange> {
  const { ip } = request;
  const attempt = await beginSignInAttempt(runtime.db, { email: actor.email, ip }, runtime.now());
  if (!attempt.allowed) return { status: 'rate_limited', retryAfterSeconds: attempt.retryAfterSeconds };
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
  return { status: 'changed', setCookies: result.headers.getSetCookie() };
}
