import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, request, test } from '@playwright/test';
import { ROLES } from '@/lib/validations/auth';
import { E2E } from './ports';

/**
 * Signs in once per role on each app and saves the cookies of both in one storage state per role,
 * which the specs reuse. The apps live on different loopback hosts, so their cookies never clash.
 */
for (const role of ROLES) {
  test(`sign in as ${role}`, async () => {
    const cookies = [];
    for (const baseURL of [E2E.sandboxAppUrl, E2E.liveAppUrl]) {
      const context = await request.newContext({ baseURL });
      const response = await context.post('/api/auth/sign-in/email', {
        data: { email: E2E.staffEmail(role), password: E2E.staffPassword },
        headers: { origin: baseURL },
      });
      expect(response.status(), `${role} on ${baseURL}: ${await response.text()}`).toBe(200);
      const account = await context.get('/api/account');
      expect((await account.json()).actor.role).toBe(role);
      cookies.push(...(await context.storageState()).cookies);
      await context.dispose();
    }
    const path = E2E.storageState(role);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ cookies, origins: [] }));
  });
}
