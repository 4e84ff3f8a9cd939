import 'server-only';

/** How long a session lives: idle limit (extended by activity) and absolute limit (from sign-in). */
export interface SessionPolicy {
  idleTimeoutMs: number;
  maxAgeMs: number;
}

export function sessionPolicyFrom(env: {
  AUTH_IDLE_TIMEOUT_MINUTES: number;
  AUTH_SESSION_MAX_HOURS: number;
}): SessionPolicy {
  return { idleTimeoutMs: env.AUTH_IDLE_TIMEOUT_MINUTES * 60_000, maxAgeMs: env.AUTH_SESSION_MAX_HOURS * 3_600_000 };
}

export type SessionVerdict = 'active' | 'idle_expired' | 'max_age_expired';

/** Whether a session may still be used at `now`. Activity moves `lastActiveAt`; nothing moves `createdAt`. */
export function sessionVerdict(
  session: { createdAt: Date; lastActiveAt: Date | null },
  now: Date,
  policy: SessionPolicy,
): SessionVerdict {
  if (now.getTime() - session.createdAt.getTime() >= policy.maxAgeMs) return 'max_age_expired';
  const lastActive = session.lastActiveAt ?? session.createdAt;
  if (now.getTime() - lastActive.getTime() >= policy.idleTimeoutMs) return 'idle_expired';
  return 'active';
}

/**
 * Whether to write `lastActiveAt = now`: at most every 30 s (or a tenth of the idle limit if that is
 * shorter), so a busy page does not write on every request and the idle limit stays accurate.
 */
export function shouldTouch(lastActiveAt: Date | null, now: Date, policy: SessionPolicy): boolean {
  if (!lastActiveAt) return true;
  const interval = Math.min(30_000, policy.idleTimeoutMs / 10);
  return now.getTime() - lastActiveAt.getTime() >= interval;
}

/** The absolute end of a session created at `createdAt`. */
export function absoluteExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.maxAgeMs);
}

/**
 * When a session ends if nothing happens: `idleEndsAt` (the idle limit after the last activity,
 * what the form warns about) and `endsAt` (the absolute limit, or the cookie's expiry if sooner).
 */
export function sessionEnds(
  session: { createdAt: Date; lastActiveAt: Date | null; expiresAt: Date },
  policy: SessionPolicy,
): { idleEndsAt: Date; endsAt: Date } {
  const endsAt = new Date(Math.min(absoluteExpiry(session.createdAt, policy).getTime(), session.expiresAt.getTime()));
  const lastActive = session.lastActiveAt ?? session.createdAt;
  const idleEndsAt = new Date(Math.min(lastActive.getTime() + policy.idleTimeoutMs, endsAt.getTime()));
  return { idleEndsAt, endsAt };
}
