import { describe, expect, it, vi } from 'vitest';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { beginSignInAttempt, pruneSignInFailures, settleSignInAttempt, SIGN_IN_LIMIT } from './rate-limit';
import { uniqueEmail, uniqueIp } from '@/lib/testing/auth';

// Each sign-in hashes with scrypt; a loaded machine needs more than the default 5 s per test.
vi.setConfig({ testTimeout: 30_000 });

describe.each(testEngines())('the sign-in limiter on $name', (engine) => {
  const handle = suiteDatabase(engine);

  const start = new Date('2026-05-01T10:00:00Z');
  const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

  async function fail(key: { email: string | null; ip: string | null }, at: Date) {
    const attempt = await beginSignInAttempt(handle.db, key, at);
    if (!attempt.allowed) throw new Error('unexpectedly blocked');
    await settleSignInAttempt(handle.db, attempt.attemptId, false);
  }

  it('allows 10 failures per account from one address, refuses the 11th from it with the seconds until one leaves the window', async () => {
    const email = uniqueEmail('acct');
    const ip = uniqueIp();
    for (let index = 0; index < 10; index++) await fail({ email, ip }, later(index * 60));
    const blocked = await beginSignInAttempt(handle.db, { email, ip }, later(600));
    // The first failure (t=0) leaves the 15-minute window at t=900: 300 s from t=600.
    expect(blocked).toEqual({ allowed: false, retryAfterSeconds: 300, by: 'account_ip' });
    expect(await beginSignInAttempt(handle.db, { email, ip }, later(899))).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect(await beginSignInAttempt(handle.db, { email, ip }, later(900))).toMatchObject({ allowed: true });
  });

  it('does not lock the owner out from their own address when someone else guesses from another', async () => {
    const email = uniqueEmail('owner');
    const attacker = uniqueIp();
    for (let index = 0; index < 10; index++) await fail({ email, ip: attacker }, later(index));
    expect(await beginSignInAttempt(handle.db, { email, ip: attacker }, later(20))).toMatchObject({
      allowed: false,
      by: 'account_ip',
    });
    expect(await beginSignInAttempt(handle.db, { email, ip: uniqueIp() }, later(20))).toMatchObject({ allowed: true });
  });

  it('stops at 100 failures per account from every address together', async () => {
    const email = uniqueEmail('spread');
    for (let index = 0; index < SIGN_IN_LIMIT.accountMaxFailures; index++)
      await fail({ email, ip: uniqueIp() }, later(index));
    expect(await beginSignInAttempt(handle.db, { email, ip: uniqueIp() }, later(200))).toMatchObject({
      allowed: false,
      by: 'account',
    });
  }, 120_000);

  it('counts per IP across accounts', async () => {
    const ip = uniqueIp();
    for (let index = 0; index < SIGN_IN_LIMIT.maxFailures; index++)
      await fail({ email: uniqueEmail('any'), ip }, later(index));
    expect(await beginSignInAttempt(handle.db, { email: uniqueEmail('fresh'), ip }, later(20))).toMatchObject({
      allowed: false,
      by: 'ip',
    });
    expect(
      await beginSignInAttempt(handle.db, { email: uniqueEmail('fresh'), ip: uniqueIp() }, later(20)),
    ).toMatchObject({ allowed: true });
  });

  it('does not count attempts that succeeded', async () => {
    const email = uniqueEmail('good');
    for (let index = 0; index < 30; index++) {
      const attempt = await beginSignInAttempt(handle.db, { email, ip: null }, later(index));
      expect(attempt.allowed).toBe(true);
      if (attempt.allowed) await settleSignInAttempt(handle.db, attempt.attemptId, true);
    }
  });

  it('holds under parallel guesses: never more than 10 get through', async () => {
    const email = uniqueEmail('burst');
    const ip = uniqueIp();
    const attempts = await Promise.all(
      Array.from({ length: 25 }, () => beginSignInAttempt(handle.db, { email, ip }, later(5))),
    );
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(SIGN_IN_LIMIT.maxFailures);
    expect(attempts.filter((attempt) => !attempt.allowed)).toHaveLength(15);
  });

  it('prunes rows that left the window', async () => {
    const email = uniqueEmail('old');
    await fail({ email, ip: null }, later(0));
    await pruneSignInFailures(handle.db, later(16 * 60));
    expect(await beginSignInAttempt(handle.db, { email, ip: null }, later(16 * 60))).toMatchObject({ allowed: true });
  });
});
