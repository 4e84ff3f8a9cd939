import { describe, expect, it, vi } from 'vitest';
import { listAuditEvents } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { AuthClient, PASSWORD, seedStaff, testAuth, uniqueEmail, uniqueIp, type TestAuth } from '@/lib/testing/auth';
import { changeOwnPassword } from './account';

// Each sign-in and password change hashes with scrypt; a loaded machine needs more than 5 s.
vi.setConfig({ testTimeout: 30_000 });

const NEW_PASSWORD = 'another long passphrase';

describe.each(testEngines())('changing one’s own password on $name', (engine) => {
  let auth: TestAuth;

  const handle = suiteDatabase(engine, {
    seed: () => {
      auth = testAuth(handle.db);
    },
  });

  async function signedIn() {
    const email = uniqueEmail('pw');
    const staff = await seedStaff(auth, { email, role: 'reviewer' });
    const client = new AuthClient(auth, uniqueIp());
    expect((await client.signIn(email, PASSWORD)).status).toBe(200);
    const actor = { id: staff.id, email, role: 'reviewer' as const };
    return { client, actor, request: { headers: client.headers(), ip: client.ip } };
  }

  it('refuses a wrong current password as a field error and audits the failure', async () => {
    const { actor, request } = await signedIn();
    const error = await changeOwnPassword(
      { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD },
      { actor, ...request },
      { auth },
    ).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'validation_failed',
      details: { fields: { currentPassword: expect.any(String) } },
    });
    const events = await listAuditEvents(handle.db, { action: 'account.password', actorId: actor.id });
    expect(events.map((event) => event.result)).toEqual(['failure']);
  });

  it('changes it, hands back the fresh session cookie and audits that other sessions ended', async () => {
    const { actor, request, client } = await signedIn();
    const outcome = await changeOwnPassword(
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      { actor, ...request },
      { auth },
    );
    expect(outcome.status).toBe('changed');
    expect(outcome.status === 'changed' && outcome.setCookies.some((cookie) => cookie.includes('session_token'))).toBe(
      true,
    );
    const events = await listAuditEvents(handle.db, { action: 'account.password', actorId: actor.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ result: 'success', details: { otherSessions: 'ended' } });
    expect((await new AuthClient(auth, client.ip).signIn(actor.email, NEW_PASSWORD)).status).toBe(200);
  });
});
