import 'server-only';
import { canAny, type Permission } from './permissions';
import type { AuthRuntime } from './auth';
import { loadLiveSession, verifiedCookieToken } from './live-session';
import { type Actor } from '@/lib/model/staff';
import { ROLES, type Role } from '@/lib/validations/auth';

/** The signed-in person behind a request, with what the UI and the 2FA rule need. */
export interface AuthState {
  actor: Actor;
  name: string;
  sessionId: string;
  twoFactorEnabled: boolean;
  /** The admins' "require 2FA for everyone" setting. */
  requireTwoFactor: boolean;
  /** Admins require 2FA for everyone and this account has none yet: only enrolment is allowed. */
  mustEnrollTwoFactor: boolean;
  /** When the session ends without activity, and at the latest. */
  idleEndsAt: Date;
  endsAt: Date;
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * Reads the session from the request's signed cookie: valid, not idle, not past its absolute
 * lifetime, account not deactivated, role known. Anything else is "signed out" (null). One
 * statement (session, account and the 2FA rule together) instead of better-auth's `getSession`
 * round trips, as every signed-in request pays it.
 */
export async function readAuthState(runtime: AuthRuntime, headers: Headers): Promise<AuthState | null> {
  const { cookieName, secret } = await sessionCookie(runtime);
  const token = verifiedCookieToken(headers.get('cookie'), cookieName, secret);
  if (!token) return null;
  const live = await loadLiveSession(runtime.db, token, runtime.policy, runtime.now());
  if (!live || !isRole(live.role)) return null;
  return {
    actor: { id: live.userId, email: live.email, role: live.role },
    name: live.name,
    sessionId: live.sessionId,
    twoFactorEnabled: live.twoFactorEnabled,
    requireTwoFactor: live.requireTwoFactor,
    mustEnrollTwoFactor: live.requireTwoFactor && !live.twoFactorEnabled,
    idleEndsAt: live.idleEndsAt,
    endsAt: live.endsAt,
  };
}

const cookieSettings = new WeakMap<AuthRuntime, Promise<{ cookieName: string; secret: string }>>();

/** The session cookie's name (prefix, `__Secure-` on https) and the signing secret, as better-auth has them. */
function sessionCookie(runtime: AuthRuntime): Promise<{ cookieName: string; secret: string }> {
  let found = cookieSettings.get(runtime);
  if (!found) {
    found = runtime.auth.$context.then((context) => ({
      cookieName: context.authCookies.sessionToken.name,
      secret: context.secret,
    }));
    cookieSettings.set(runtime, found);
  }
  return found;
}

export type AccessDecision =
  { ok: true; actor: Actor } | { ok: false; reason: 'unauthenticated' | 'two_factor_required' | 'forbidden' };

export interface AccessOptions {
  /** Lets an account that still has to set up 2FA through (the enrolment page and its calls). */
  allowPendingTwoFactor?: boolean;
}

/** Deny by default: signed in, 2FA rule satisfied, and the role holds one of the permissions. */
export function decideAccess(
  state: AuthState | null,
  permission: Permission | readonly Permission[],
  options: AccessOptions = {},
): AccessDecision {
  if (!state) return { ok: false, reason: 'unauthenticated' };
  if (state.mustEnrollTwoFactor && !options.allowPendingTwoFactor) return { ok: false, reason: 'two_factor_required' };
  const permissions: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (permissions.length === 0 || !canAny(state.actor.role, permissions)) return { ok: false, reason: 'forbidden' };
  return { ok: true, actor: state.actor };
}
