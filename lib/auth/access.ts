import 'server-only';
import { canAny, type Permission } from './permissions';
import type { AuthRuntime } from './auth';
import { sessionVerdict } from './session-policy';
import { getSecuritySettings } from './settings';
import { ROLES, type Actor, type Role } from './types';

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
}

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * Reads the session from the request's cookie: valid, not idle, not past its absolute lifetime,
 * account not deactivated, role known. Anything else is "signed out" (null).
 */
export async function readAuthState(runtime: AuthRuntime, headers: Headers): Promise<AuthState | null> {
  const result = await runtime.auth.api.getSession({ headers, query: { disableCookieCache: true } });
  if (!result) return null;
  const { session, user } = result;
  const now = runtime.now();
  const lastActiveAt = session.lastActiveAt ? new Date(session.lastActiveAt) : null;
  if (sessionVerdict({ createdAt: new Date(session.createdAt), lastActiveAt }, now, runtime.policy) !== 'active')
    return null;
  if (new Date(session.expiresAt).getTime() <= now.getTime()) return null;
  if (user.deactivatedAt) return null;
  if (!isRole(user.role)) return null;
  const twoFactorEnabled = user.twoFactorEnabled === true;
  const { requireTwoFactor } = await getSecuritySettings(runtime.db);
  return {
    actor: { id: user.id, email: user.email, role: user.role },
    name: user.name,
    sessionId: session.id,
    twoFactorEnabled,
    requireTwoFactor,
    mustEnrollTwoFactor: requireTwoFactor && !twoFactorEnabled,
  };
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
