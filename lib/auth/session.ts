import 'server-only';
import { headers as requestHeaders } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { ROLE_LABELS, safeNextPath } from '@/lib/validations/auth';
import { decideAccess, readAuthState, type AccessOptions, type AuthState } from './access';
import { getAuthRuntime } from './auth';
import type { Permission } from './permissions';
import type { Actor, RequestContext } from '@/lib/model/staff';
import { clientIpFromHeaders } from '@/lib/request-context';

export type { AuthState } from './access';

/** The signed-in person for these request headers, or null (signed out, idle, expired, deactivated). */
export async function getAuthState(headers: Headers): Promise<AuthState | null> {
  return readAuthState(await getAuthRuntime(), headers);
}

/**
 * For route handlers: the actor if signed in and their role holds the permission (any one of a
 * list); otherwise 401 `unauthenticated` or 403 `forbidden`, for `apiRoute`'s error funnel.
 */
export async function requireActor(
  request: Request,
  permission: Permission | readonly Permission[],
  options: AccessOptions = {},
): Promise<Actor> {
  const state = await getAuthState(request.headers);
  const decision = decideAccess(state, permission, options);
  if (decision.ok) return decision.actor;
  switch (decision.reason) {
    case 'unauthenticated':
      throw new AppError('unauthenticated', '로그인이 필요합니다. 로그인 시간이 지났다면 다시 로그인하세요.');
    case 'two_factor_required':
      throw new AppError(
        'forbidden',
        '2단계 인증을 먼저 설정해야 합니다. 보안 설정(/settings/security)에서 설정하세요.',
      );
    case 'forbidden':
      throw new AppError(
        'forbidden',
        `이 작업을 할 권한이 없습니다 (내 역할: ${state ? ROLE_LABELS[state.actor.role] : '없음'}).`,
      );
  }
}

/**
 * For server components (pages): the actor, or a redirect to `/login?next=…` when signed out, to
 * the 2FA enrolment page when the "2FA for everyone" rule applies, and to `/access-denied` (a 403
 * page) when the role lacks the permission. `nextPath` is where to come back after signing in.
 */
export async function requirePageActor(
  permission: Permission | readonly Permission[],
  nextPath: string,
  options: AccessOptions = {},
): Promise<Actor> {
  const state = await getAuthState(await requestHeaders());
  const decision = decideAccess(state, permission, options);
  if (decision.ok) return decision.actor;
  const next = safeNextPath(nextPath);
  switch (decision.reason) {
    case 'unauthenticated':
      redirect(`/login?next=${encodeURIComponent(next)}`);
    case 'two_factor_required':
      redirect('/settings/security?required=1');
    case 'forbidden':
      redirect(`/access-denied?from=${encodeURIComponent(next)}`);
  }
}

/** For layouts and headers that show who is signed in without requiring it. */
export async function getPageAuthState(): Promise<AuthState | null> {
  return getAuthState(await requestHeaders());
}

/** A page's request context for the use cases it calls: who is looking, and from where (the audit trail). */
export async function pageContext(actor: Actor): Promise<RequestContext> {
  return { actor, ip: clientIpFromHeaders(await requestHeaders()) };
}
