import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { listAuditEvents } from '@/lib/audit';
import { authSessions, authSignInFailures } from '@/lib/db/schema';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { AppError } from '@/lib/errors';
import { decideAccess, readAuthState } from './access';
import { SIGN_IN_LIMIT } from './rate-limit';
import { setRequireTwoFactor } from './settings';
import { adminExists, createStaffAccount, insertStaffAccount, endAllSessions, updateStaffAccount } from './staff';
import {
  AuthClient,
  PASSWORD,
  secretFromTotpUri,
  seedStaff,
  signedInStaff,
  testAuth,
  totpCode,
  uniqueEmail,
  uniqueIp,
  type TestAuth,
} from '@/lib/testing/auth';
import { rejection } from '@/lib/testing/errors';

// Each sign-in hashes with scrypt; a loaded machine needs more than the default 5 s per test.
vi.setConfig({ testTimeout: 30_000 });

describe.each(testEngines())('staff accounts and sessions on $name', (engine) => {
  let auth: TestAuth;
  const state = (client: AuthClient) => readAuthState(auth, client.headers());

  const handle = suiteDatabase(engine, {
    seed: () => {
      auth = testAuth(handle.db);
    },
  });

  it('signs in with email and password, keeps the session in the database, and audits it without the password', async () => {
    const email = uniqueEmail('agent');
    const staff = await seedStaff(auth, { email, role: 'agent' });
    const client = new AuthClient(auth, uniqueIp());
    const result = await client.signIn(email.toUpperCase(), PASSWORD);
    expect(result.status).toBe(200);
    expect(client.hasCookie('bk.session_token')).toBe(true);
    const rows = await handle.db.select().from(authSessions).where(eq(authSessions.userId, staff.id));
    expect(rows).toHaveLength(1);
    expect(await state(client)).toMatchObject({
      actor: { id: staff.id, email, role: 'agent' },
      mustEnrollTwoFactor: false,
    });

    const events = await listAuditEvents(handle.db, { actorId: staff.id, action: 'sign_in' });
    expect(events[0]).toMatchObject({ result: 'success', actorEmail: email, ip: client.ip });
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('reads the session only from a correctly signed cookie: a changed token, signature or an unsigned token is signed out', async () => {
    const email = uniqueEmail('cookie');
    await seedStaff(auth, { email, role: 'reviewer' });
    const client = new AuthClient(auth, uniqueIp());
    expect((await client.signIn(email, PASSWORD)).status).toBe(200);
    const cookie = client.headers().get('cookie') ?? '';
    const match = /bk\.session_token=([^;]+)/.exec(cookie);
    expect(match).not.toBeNull();
    const signed = decodeURIComponent(match![1]!);
    const [token, signature] = [signed.slice(0, signed.lastIndexOf('.')), signed.slice(signed.lastIndexOf('.') + 1)];
    const withCookie = (value: string) => readAuthState(auth, new Headers({ cookie: `bk.session_token=${value}` }));
    expect(await withCookie(encodeURIComponent(signed))).toMatchObject({ actor: { email, role: 'reviewer' } });
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(await withCookie(encodeURIComponent(`${flip(token, 3)}.${signature}`))).toBeNull();
    expect(await withCookie(encodeURIComponent(`${token}.${flip(signature, 5)}`))).toBeNull();
    expect(await withCookie(encodeURIComponent(token))).toBeNull();
    const urlSafe = signature.replace(/\+/g, '-').replace(/\//g, '_');
    if (urlSafe !== signature) expect(await withCookie(encodeURIComponent(`${token}.${urlSafe}`))).toBeNull();
    expect(await withCookie(encodeURIComponent(`${token}.${signature.replace(/=$/, '')}`))).toBeNull();
    expect(await withCookie('%E0%A4%A')).toBeNull();
    expect(await readAuthState(auth, new Headers({ cookie: `other=${encodeURIComponent(signed)}` }))).toBeNull();
  });

  it('refuses a wrong password with 401 and audits the failure with the typed email and IP', async () => {
    const email = uniqueEmail('wrong');
    await seedStaff(auth, { email });
    const client = new AuthClient(auth, uniqueIp());
    const result = await client.signIn(email, 'not the password at all');
    expect(result.status).toBe(401);
    expect(await state(client)).toBeNull();
    const [event] = (await listAuditEvents(handle.db, { action: 'sign_in', result: 'failure' })).filter(
      (row) => row.actorEmail === email,
    );
    expect(event).toMatchObject({ ip: client.ip, details: { reason: 'invalid_credentials' } });
    expect(JSON.stringify(event)).not.toContain('not the password at all');
  });

  it('has no public sign-up and none of the flows that would bypass the password rules', async () => {
    const client = new AuthClient(auth, uniqueIp());
    const signUp = await client.post('/sign-up/email', { email: uniqueEmail('self'), password: PASSWORD, name: 'x' });
    expect(signUp.status).toBe(404);
    expect((await client.post('/change-password', { currentPassword: PASSWORD, newPassword: 'short' })).status).toBe(
      404,
    );
  });

  describe('the sign-in limit', () => {
    it('refuses the 11th attempt on an account from one address after 10 failures with 429 and Retry-After, even with the right password; the owner elsewhere still signs in', async () => {
      const email = uniqueEmail('limited');
      await seedStaff(auth, { email });
      const attacker = uniqueIp();
      for (let attempt = 0; attempt < SIGN_IN_LIMIT.maxFailures; attempt++) {
        const result = await new AuthClient(auth, attacker).signIn(email, `wrong password ${attempt}`);
        expect(result.status).toBe(401);
      }
      // The owner, from their own address, is not locked out by someone else's guesses.
      expect((await new AuthClient(auth, uniqueIp()).signIn(email, PASSWORD)).status).toBe(200);
      const blocked = await new AuthClient(auth, attacker).signIn(email, PASSWORD);
      expect(blocked.status).toBe(429);
      const retryAfter = Number(blocked.response.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(blocked.body).toMatchObject({ code: 'RATE_LIMITED', retryAfter });
      expect(String(blocked.body?.message)).toContain('분');
      const denied = (await listAuditEvents(handle.db, { action: 'sign_in', result: 'denied' })).find(
        (row) => row.actorEmail === email,
      );
      expect(denied?.details).toMatchObject({ reason: 'rate_limited', by: 'account_ip' });
    });

    it('refuses the 11th attempt from one IP after 10 failures on different accounts; other IPs still sign in', async () => {
      const ip = uniqueIp();
      for (let attempt = 0; attempt < SIGN_IN_LIMIT.maxFailures; attempt++) {
        expect((await new AuthClient(auth, ip).signIn(uniqueEmail('nobody'), 'whatever password')).status).toBe(401);
      }
      const email = uniqueEmail('innocent');
      await seedStaff(auth, { email });
      const blocked = await new AuthClient(auth, ip).signIn(email, PASSWORD);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await new AuthClient(auth, uniqueIp()).signIn(email, PASSWORD)).status).toBe(200);
    });

    it('counts by the real address: 12 failures with 12 made-up X-Forwarded-For headers meet the per-IP limit', async () => {
      const client = new AuthClient(auth, uniqueIp());
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 12; attempt++) {
        const result = await client.post(
          '/sign-in/email',
          { email: uniqueEmail('spray'), password: 'whatever password' },
          { 'x-forwarded-for': uniqueIp() },
        );
        statuses.push(result.status);
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
      const denied = (await listAuditEvents(handle.db, { action: 'sign_in', result: 'denied' })).find(
        (row) => row.ip === client.ip,
      );
      expect(denied?.details).toMatchObject({ by: 'ip' });
    });

    it('does not count successful sign-ins, and lets the account in again once the window has passed', async () => {
      const email = uniqueEmail('window');
      await seedStaff(auth, { email });
      const ip = uniqueIp();
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await new AuthClient(auth, ip).signIn(email, PASSWORD)).status).toBe(200);
      for (let attempt = 0; attempt < SIGN_IN_LIMIT.maxFailures; attempt++) {
        await new AuthClient(auth, ip).signIn(email, 'wrong wrong wrong');
      }
      const failures = await handle.db.select().from(authSignInFailures).where(eq(authSignInFailures.email, email));
      expect(failures).toHaveLength(SIGN_IN_LIMIT.maxFailures);
      expect((await new AuthClient(auth, ip).signIn(email, PASSWORD)).status).toBe(429);
      auth.clock.advance(SIGN_IN_LIMIT.windowMs - 60_000);
      expect((await new AuthClient(auth, ip).signIn(email, PASSWORD)).status).toBe(429);
      auth.clock.advance(61_000);
      expect((await new AuthClient(auth, ip).signIn(email, PASSWORD)).status).toBe(200);
    });
  });

  describe('session lifetime', () => {
    it('dies after 15 minutes without activity; activity extends it', async () => {
      const email = uniqueEmail('idle');
      await seedStaff(auth, { email });
      const client = new AuthClient(auth, uniqueIp());
      expect((await client.signIn(email, PASSWORD)).status).toBe(200);
      for (let step = 0; step < 4; step++) {
        auth.clock.advance(14 * 60_000);
        expect(await state(client), `after ${(step + 1) * 14} minutes of steady use`).not.toBeNull();
      }
      auth.clock.advance(15 * 60_000);
      expect(await state(client)).toBeNull();
      // Dead for good: the row is gone, so going back in time does not revive it.
      auth.clock.advance(-15 * 60_000);
      expect(await state(client)).toBeNull();
    });

    it('dies 12 hours after sign-in however active, and is not extended', async () => {
      const email = uniqueEmail('absolute');
      await seedStaff(auth, { email });
      const client = new AuthClient(auth, uniqueIp());
      auth.clock.now = new Date();
      expect((await client.signIn(email, PASSWORD)).status).toBe(200);
      for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
        auth.clock.advance(10 * 60_000);
        expect(await state(client), `after ${minutes} minutes`).not.toBeNull();
      }
      // Past 12 hours after the clock's start. Sign-in took some real time (seconds on a loaded
      // machine: password hashing), so step a full minute past the limit, not a second.
      auth.clock.advance(10 * 60_000 + 60_000);
      expect(await state(client)).toBeNull();
      auth.clock.now = new Date();
    });

    it('caps the stored expiry at 12 hours after sign-in, so better-auth itself refuses it afterwards', async () => {
      const email = uniqueEmail('expiry');
      const staff = await seedStaff(auth, { email });
      auth.clock.now = new Date();
      await new AuthClient(auth, uniqueIp()).post('/sign-in/email', { email, password: PASSWORD, rememberMe: false });
      const [row] = await handle.db.select().from(authSessions).where(eq(authSessions.userId, staff.id));
      expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(12 * 3_600_000);
    });

    it('signs out everywhere: every session of the account ends', async () => {
      const email = uniqueEmail('everywhere');
      const staff = await seedStaff(auth, { email });
      const first = new AuthClient(auth, uniqueIp());
      const second = new AuthClient(auth, uniqueIp());
      await first.signIn(email, PASSWORD);
      await second.signIn(email, PASSWORD);
      expect(await state(second)).not.toBeNull();
      expect(await endAllSessions(handle.db, staff.id)).toBe(2);
      expect(await state(first)).toBeNull();
      expect(await state(second)).toBeNull();
    });

    it('sign-out ends the session and is audited', async () => {
      const { staff, client } = await signedInStaff(auth, 'signout');
      expect((await client.post('/sign-out', {})).status).toBe(200);
      expect(await state(client)).toBeNull();
      expect(await listAuditEvents(handle.db, { actorId: staff.id, action: 'sign_out' })).toHaveLength(1);
    });
  });

  describe('deactivation and roles', () => {
    it('ends the sessions of a deactivated account at once and refuses its sign-in; reactivation lets it back', async () => {
      const admin = await seedStaff(auth, { email: uniqueEmail('admin'), role: 'admin' });
      const { email, staff, client } = await signedInStaff(auth, 'leaver', { role: 'reviewer' });
      expect(await state(client)).not.toBeNull();

      const actor = { id: admin.id, email: admin.email, role: admin.role };
      const { after } = await updateStaffAccount(staff.id, { active: false }, { actor, ip: null }, { db: handle.db });
      expect(after.active).toBe(false);
      expect(await state(client)).toBeNull();
      const refused = await new AuthClient(auth, uniqueIp()).signIn(email, PASSWORD);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'ACCOUNT_DEACTIVATED' });

      await updateStaffAccount(staff.id, { active: true, role: 'qa' }, { actor, ip: null }, { db: handle.db });
      const again = new AuthClient(auth, uniqueIp());
      expect((await again.signIn(email, PASSWORD)).status).toBe(200);
      expect((await state(again))?.actor.role).toBe('qa');
    });

    it('applies a role change to the next request of an existing session', async () => {
      const admin = await seedStaff(auth, { email: uniqueEmail('admin'), role: 'admin' });
      const { staff, client } = await signedInStaff(auth, 'promoted', { role: 'agent' });
      expect(decideAccess(await state(client), 'keys.view')).toMatchObject({ ok: false, reason: 'forbidden' });
      const actor = { id: admin.id, email: admin.email, role: 'admin' as const };
      await updateStaffAccount(staff.id, { role: 'reviewer' }, { actor, ip: null }, { db: handle.db });
      expect(decideAccess(await state(client), 'keys.view')).toMatchObject({ ok: true });
    });

    it('keeps an admin from locking themselves out and the last admin from being demoted', async () => {
      const admin = await seedStaff(auth, { email: uniqueEmail('self'), role: 'admin' });
      const actor = { id: admin.id, email: admin.email, role: admin.role };
      expect(
        (await rejection(updateStaffAccount(admin.id, { active: false }, { actor, ip: null }, { db: handle.db })))
          .status,
      ).toBe(403);
      expect(
        (await rejection(updateStaffAccount(admin.id, { role: 'agent' }, { actor, ip: null }, { db: handle.db })))
          .status,
      ).toBe(403);
    });

    it('refuses a second account with the same email, in any case', async () => {
      const email = uniqueEmail('dup');
      await seedStaff(auth, { email });
      const error = await rejection(seedStaff(auth, { email: email.toUpperCase() }));
      expect(error).toMatchObject({
        code: 'validation_failed',
        details: { fields: { email: '이미 등록된 이메일입니다.' } },
      });
    });

    it.each([
      ['cli', { via: 'cli' }],
      ['staff-page', {}],
    ] as const)('creating an account from %s records staff.create with who made it', async (via, mark) => {
      const email = uniqueEmail(via);
      const admin = await seedStaff(auth, { email: uniqueEmail('maker'), role: 'admin' });
      const context = { actor: { id: admin.id, email: admin.email, role: admin.role }, ip: uniqueIp() };
      const staff = await createStaffAccount(
        { email, name: '새 계정', role: 'reviewer', password: PASSWORD },
        via,
        context,
        {
          auth,
        },
      );
      const [event] = await listAuditEvents(handle.db, { action: 'staff.create', targetId: staff.id });
      expect(event).toMatchObject({ actorId: admin.id, ip: context.ip, targetType: 'staff', result: 'success' });
      expect(event?.details).toEqual({ ...mark, email, role: 'reviewer' });
    });

    it('refuses a weak password on account creation', async () => {
      const error = await rejection(
        insertStaffAccount(auth, {
          email: 'kim.minsu@example.com',
          name: '김',
          role: 'agent',
          password: 'kim.minsu-2024!',
        }),
      );
      expect(error.details.fields?.password).toContain('@ 앞부분');
      expect((await rejection(seedStaff(auth, { email: uniqueEmail('short'), password: 'short' }))).code).toBe(
        'validation_failed',
      );
    });
  });

  describe('two-factor authentication', () => {
    async function enrol(client: AuthClient) {
      const enabled = await client.post('/two-factor/enable', { password: PASSWORD });
      expect(enabled.status).toBe(200);
      const secret = secretFromTotpUri(String(enabled.body?.totpURI));
      const code = totpCode(secret);
      const verified = await client.post('/two-factor/verify-totp', { code });
      expect(verified.status).toBe(200);
      return { secret, code };
    }
    /** The next 30-second step's code: accepted (±1 step) and never the one just used. */
    const nextCode = (secret: string) => totpCode(secret, new Date(Date.now() + 30_000));

    it('asks for a TOTP code after the password once enabled, and signs in with a valid code only', async () => {
      const { email, staff, client } = await signedInStaff(auth, 'totp', { role: 'qa' });
      const { secret, code: enrolmentCode } = await enrol(client);
      expect((await state(client))?.twoFactorEnabled).toBe(true);

      const next = new AuthClient(auth, uniqueIp());
      const first = await next.signIn(email, PASSWORD);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ twoFactorRedirect: true });
      expect(await state(next)).toBeNull();
      const wrong = ['000000', '111111'].find((c) => c !== totpCode(secret) && c !== nextCode(secret))!;
      expect((await next.post('/two-factor/verify-totp', { code: wrong })).status).toBe(401);
      const trusted = await next.post('/two-factor/verify-totp', { code: nextCode(secret), trustDevice: true });
      expect(trusted.status).toBe(400);
      // A code accepted once (here at enrolment) is refused: an observed code cannot be replayed.
      const replay = await next.post('/two-factor/verify-totp', { code: enrolmentCode });
      expect(replay).toMatchObject({ status: 401, body: { code: 'CODE_REUSED' } });
      expect((await next.post('/two-factor/verify-totp', { code: nextCode(secret) })).status).toBe(200);
      expect((await state(next))?.actor.id).toBe(staff.id);

      const events = await listAuditEvents(handle.db, { actorId: staff.id });
      expect(events.map((event) => `${event.action}:${event.result}`)).toEqual(
        expect.arrayContaining([
          'sign_in.challenge:success',
          'sign_in:failure',
          'sign_in:success',
          'account.two_factor:success',
        ]),
      );
    });

    it('counts wrong codes towards the sign-in limit of the account', async () => {
      const { email, client } = await signedInStaff(auth, 'codes');
      await enrol(client);
      const failures = () =>
        handle.db
          .select()
          .from(authSignInFailures)
          .where(and(eq(authSignInFailures.email, email)));
      const attacker = new AuthClient(auth, uniqueIp());
      await attacker.signIn(email, PASSWORD);
      await attacker.post('/two-factor/verify-totp', { code: '12345x' });
      await attacker.post('/two-factor/verify-totp', { code: '000001' });
      expect((await failures()).length).toBeGreaterThanOrEqual(1);
    });

    it('holds an account without 2FA at enrolment when admins require it for everyone', async () => {
      const admin = await seedStaff(auth, { email: uniqueEmail('boss'), role: 'admin' });
      const { client } = await signedInStaff(auth, 'enrol', { role: 'reviewer' });
      await setRequireTwoFactor(handle.db, true, admin.id);
      try {
        const pending = await state(client);
        expect(pending?.mustEnrollTwoFactor).toBe(true);
        expect(decideAccess(pending, 'keys.view')).toMatchObject({ ok: false, reason: 'two_factor_required' });
        expect(decideAccess(pending, 'account.self', { allowPendingTwoFactor: true })).toMatchObject({ ok: true });
        await enrol(client);
        const done = await state(client);
        expect(done?.mustEnrollTwoFactor).toBe(false);
        expect(decideAccess(done, 'keys.view')).toMatchObject({ ok: true });
      } finally {
        await setRequireTwoFactor(handle.db, false, admin.id);
      }
    });
  });
});

describe.each(testEngines())('first admin (/setup) on $name', (engine) => {
  let auth: TestAuth;
  const handle = suiteDatabase(engine, {
    seed: () => {
      auth = testAuth(handle.db);
    },
  });

  it('creates the first admin once; every later attempt, even concurrent, is refused', async () => {
    expect(await adminExists({ db: handle.db })).toBe(false);
    const attempts = await Promise.allSettled(
      ['first@example.com', 'second@example.com', 'third@example.com'].map((email) =>
        insertStaffAccount(auth, { email, name: '관리자', role: 'admin', password: PASSWORD }, { firstAdmin: true }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    expect(refused.map((attempt) => (attempt.reason as AppError).code)).toEqual(['forbidden', 'forbidden']);
    expect(await adminExists({ db: handle.db })).toBe(true);
    const later = await rejection(
      insertStaffAccount(
        auth,
        { email: 'later@example.com', name: '관리자', role: 'admin', password: PASSWORD },
        { firstAdmin: true },
      ),
    );
    expect(later.code).toBe('forbidden');
  });
});
