import 'server-only';
import { AppError } from '@/lib/errors';
import type { RequestContext } from '@/lib/model/staff';
import { signedIn } from '@/lib/request-context';
import type { ChangePasswordInput } from '@/lib/validations/auth';
import { getAuthRuntime, type AuthRuntime } from './auth';
import { endAllSessions } from './staff';
import { recordAuthEvent } from './audit';
import { beginSignInAttempt, settleSignInAttempt } from './rate-limit';

/** A request context with the request's headers: better-auth reads the session cookie from them. */
export interface AuthRequestContext extends RequestContext {
  headers: Headers;
}

/** The auth runtime a use case works with; tests pass their own. */
export interface AuthDeps {
  auth?: AuthRuntime;
}

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
  input: Pick<ChangePasswordInput, 'currentPassword' | 'newPassword'>,
  context: AuthRequestContext,
  deps: AuthDeps = {},
): Promise<PasswordChange> {
  const runtime = deps.auth ?? (await getAuthRuntime());
  const actor = signedIn(context);
  const { ip } = context;
  const attempt = await beginSignInAttempt(runtime.db, { email: actor.email, ip }, runtime.now());
  if (!attempt.allowed) return { status: 'rate_limited', retryAfterSeconds: attempt.retryAfterSeconds };
  const result = await runtime.auth.api.changePassword({
    body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
    headers: context.headers,
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

/** "Sign out everywhere": ends every session of the signed-in account, this one included; audited. */
export async function signOutEverywhere(context: RequestContext, deps: AuthDeps = {}): Promise<number> {
  const { db } = deps.auth ?? (await getAuthRuntime());
  const actor = signedIn(context);
  const ended = await endAllSessions(db, actor.id);
  await recordAuthEvent(db, {
    action: 'sign_out.everywhere',
    result: 'success',
    userId: actor.id,
    email: actor.email,
    ip: context.ip,
    details: { sessions: ended },
  });
  return ended;
}
