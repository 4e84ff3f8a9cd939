import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { absoluteExpiry, sessionEnds, sessionPolicyFrom, sessionVerdict, shouldTouch } from './session-policy';

const policy = sessionPolicyFrom(parseEnv({}));
const signIn = new Date('2026-03-02T09:00:00+09:00');
const at = (minutes: number) => new Date(signIn.getTime() + minutes * 60_000);

describe('session lifetime rules', () => {
  it('defaults to 15 idle minutes and 12 hours from sign-in, and reads both from the environment', () => {
    expect(policy).toEqual({ idleTimeoutMs: 15 * 60_000, maxAgeMs: 12 * 3_600_000 });
    expect(sessionPolicyFrom(parseEnv({ AUTH_IDLE_TIMEOUT_MINUTES: '5', AUTH_SESSION_MAX_HOURS: '8' }))).toEqual({
      idleTimeoutMs: 5 * 60_000,
      maxAgeMs: 8 * 3_600_000,
    });
    expect(() => parseEnv({ AUTH_IDLE_TIMEOUT_MINUTES: '0' })).toThrow(/AUTH_IDLE_TIMEOUT_MINUTES/);
    expect(() => parseEnv({ BETTER_AUTH_SECRET: 'too-short' })).toThrow(/BETTER_AUTH_SECRET/);
  });

  it('is alive until 15 minutes pass without activity', () => {
    expect(sessionVerdict({ createdAt: signIn, lastActiveAt: signIn }, at(14.9), policy)).toBe('active');
    expect(sessionVerdict({ createdAt: signIn, lastActiveAt: signIn }, at(15), policy)).toBe('idle_expired');
    expect(sessionVerdict({ createdAt: signIn, lastActiveAt: null }, at(16), policy)).toBe('idle_expired');
  });

  it('is extended by activity, but never past 12 hours from sign-in', () => {
    expect(sessionVerdict({ createdAt: signIn, lastActiveAt: at(60) }, at(74), policy)).toBe('active');
    expect(sessionVerdict({ createdAt: signIn, lastActiveAt: at(12 * 60 - 1) }, at(12 * 60 - 0.5), policy)).toBe(
      'active',
    );
    expect(sessionVerdict({ createdAt: signIn, lastActiveAt: at(12 * 60 - 1) }, at(12 * 60), policy)).toBe(
      'max_age_expired',
    );
    expect(absoluteExpiry(signIn, policy)).toEqual(at(12 * 60));
  });

  it('records activity at most every 30 seconds', () => {
    expect(shouldTouch(null, at(0), policy)).toBe(true);
    expect(shouldTouch(at(0), at(0.4), policy)).toBe(false);
    expect(shouldTouch(at(0), at(0.5), policy)).toBe(true);
    expect(shouldTouch(at(0), at(0.05), { idleTimeoutMs: 30_000, maxAgeMs: 3_600_000 })).toBe(true);
  });

  it('says when the session ends: idle limit after the last activity, never past the absolute end', () => {
    const session = { createdAt: signIn, lastActiveAt: at(60), expiresAt: at(12 * 60) };
    expect(sessionEnds(session, policy)).toEqual({ idleEndsAt: at(75), endsAt: at(12 * 60) });
    expect(sessionEnds({ ...session, lastActiveAt: null }, policy)).toEqual({
      idleEndsAt: at(15),
      endsAt: at(12 * 60),
    });
    // Near the 12-hour limit the idle end is the absolute end; a cookie expiry before it wins too.
    expect(sessionEnds({ ...session, lastActiveAt: at(12 * 60 - 5) }, policy).idleEndsAt).toEqual(at(12 * 60));
    expect(sessionEnds({ ...session, expiresAt: at(100) }, policy)).toEqual({ idleEndsAt: at(75), endsAt: at(100) });
  });
});
