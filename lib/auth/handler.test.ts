import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authSessions, authTwoFactors, authUsers } from '@/lib/db/schema';
import { parseEnv } from '@/lib/env';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { handleAuthRequest } from './handler';
import { withFailingAudit } from '@/lib/testing/audit';
import { AuthClient, PASSWORD, seedStaff, testAuth, uniqueEmail, uniqueIp, type TestAuth } from '@/lib/testing/auth';

vi.setConfig({ testTimeout: 30_000 });

const globalForEnv = globalThis as unknown as { __billingKeyEnv?: unknown };

/** Runs with TRUSTED_PROXY_HOPS set, as a server behind that many proxies would. */
function behindProxies(hops: number): void {
  globalForEnv.__billingKeyEnv = parseEnv({ TRUSTED_PROXY_HOPS: String(hops) });
}

describe.each(testEngines())('the /api/auth wrapper on $name', (engine) => {
  let auth: TestAuth;

  const handle = suiteDatabase(engine, {
    seed: () => {
      auth = testAuth(handle.db);
    },
  });
  afterEach(() => {
    globalForEnv.__billingKeyEnv = undefined;
  });

  async function signedIn(ip = uniqueIp(), extra: Record<string, string> = {}) {
    const email = uniqueEmail('wrap');
    const staff = await seedStaff(auth, { email });
    const client = new AuthClient(auth, ip);
    const result = await client.post('/sign-in/email', { email, password: PASSWORD }, extra);
    expect(result.status).toBe(200);
    return { client, staff, result };
  }

  it('never hands the session token to the browser: sign-in, get-session, list-sessions', async () => {
    const { client, staff, result } = await signedIn();
    const [row] = await handle.db.select().from(authSessions).where(eq(authSessions.userId, staff.id));
    const token = row!.token;
    expect(JSON.stringify(result.body)).not.toContain(token);
    expect(result.body).not.toHaveProperty('token');

    const session = await client.get('/get-session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: { id: staff.id }, session: { userId: staff.id } });
    expect(session.body?.session).not.toHaveProperty('token');
    expect(JSON.stringify(session.body)).not.toContain(token);

    const list = await client.get('/list-sessions');
    expect(list.status).toBe(200);
    const sessions = list.body as unknown as Record<string, unknown>[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ userId: staff.id });
    expect(sessions[0]).not.toHaveProperty('token');
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('stores the address the app decided and a bounded user agent on the session', async () => {
    const ip = uniqueIp();
    const { staff } = await signedIn(ip, {
      'user-agent': `Mozilla/5.0 ${'A'.repeat(20_000)}`,
      'x-forwarded-for': '6.6.6.6',
    });
    const [row] = await handle.db.select().from(authSessions).where(eq(authSessions.userId, staff.id));
    expect(row?.ipAddress).toBe(ip);
    expect(row?.userAgent?.length).toBe(512);
  });

  it('marks cookies Secure when a trusted proxy says https, and only then', async () => {
    const plain = await signedIn(uniqueIp(), { 'x-forwarded-proto': 'https' });
    const untrusted = plain.result.response.headers.getSetCookie();
    expect(untrusted.length).toBeGreaterThan(0);
    expect(untrusted.every((cookie) => !/;\s*secure/i.test(cookie))).toBe(true);

    behindProxies(1);
    const proxied = await signedIn(uniqueIp(), { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.20' });
    const cookies = proxied.result.response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    expect(cookies.every((cookie) => /;\s*secure/i.test(cookie))).toBe(true);
    const [row] = await handle.db.select().from(authSessions).where(eq(authSessions.userId, proxied.staff.id));
    // Behind one proxy the client is the hop the proxy appended.
    expect(row?.ipAddress).toBe('198.51.100.20');
  });
});

describe('the /api/auth wrapper, before better-auth', () => {
  it('refuses a body whose media type only mentions JSON (415, Korean envelope), before any sign-in logic', async () => {
    const runtime = { handler: () => Promise.reject(new Error('must not be reached')) } as unknown as Parameters<
      typeof handleAuthRequest
    >[0];
    for (const type of ['text/plain; charset=application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
      const response = await handleAuthRequest(
        runtime,
        new Request('http://127.0.0.1:3999/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': type },
          body: '{"email":"a@example.com","password":"x"}',
        }),
      );
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
  });
});

describe.each(testEngines())('a sign-in whose audit event cannot be written on $name', (engine) => {
  const handle = suiteDatabase(engine);

  it('does not happen: 503 audit_unavailable and no session left', async () => {
    const healthy = testAuth(handle.db);
    const email = uniqueEmail('noaudit');
    const staff = await seedStaff(healthy, { email });
    const broken = testAuth(withFailingAudit(handle.db));
    const client = new AuthClient(broken, uniqueIp());
    const result = await client.signIn(email, PASSWORD);
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(String(result.body?.message)).toMatch(/감사 기록/);
    expect(await handle.db.select().from(authSessions).where(eq(authSessions.userId, staff.id))).toEqual([]);
    expect(client.hasCookie('bk.session_token')).toBe(false);
  });

  it('nor does turning two-factor authentication on or off: 503 audit_unavailable, the setting unchanged', async () => {
    const healthy = testAuth(handle.db);
    const email = uniqueEmail('no2fa');
    const staff = await seedStaff(healthy, { email });
    const client = new AuthClient(healthy, uniqueIp());
    expect((await client.signIn(email, PASSWORD)).status).toBe(200);
    const broken = client.through(testAuth(withFailingAudit(handle.db)));
    const enable = await broken.post('/two-factor/enable', { password: PASSWORD });
    expect(enable.status).toBe(503);
    expect(enable.body).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(String(enable.body?.message)).toMatch(/2단계 인증/);
    const [user] = await handle.db.select().from(authUsers).where(eq(authUsers.id, staff.id));
    expect(user?.twoFactorEnabled).toBe(false);
    expect(await handle.db.select().from(authTwoFactors).where(eq(authTwoFactors.userId, staff.id))).toEqual([]);
    // With the audit table writable, the same request goes through and is recorded first.
    expect((await client.post('/two-factor/enable', { password: PASSWORD })).status).toBe(200);
  });
});
