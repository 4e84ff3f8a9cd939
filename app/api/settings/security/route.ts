import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { recordAudit } from '@/lib/audit';
import { getAuthRuntime } from '@/lib/auth/auth';
import { getSecuritySettings, REQUIRE_TWO_FACTOR, setRequireTwoFactor } from '@/lib/auth/settings';
import type { Db } from '@/lib/db';
import { requestContext } from '@/lib/request-context';
import { securitySettingsSchema } from '@/lib/validations/auth';

export const GET = apiRoute('settings.manage', async () => {
  const { db } = await getAuthRuntime();
  return json({ settings: await getSecuritySettings(db) });
});

/** "Require 2FA for everyone"; every change is audited with its old and new value. */
export const PUT = apiRoute('settings.manage', async (request, _context, actor) => {
  const input = parseWith(securitySettingsSchema, await readJsonBody(request));
  const { db } = await getAuthRuntime();
  // The setting and its audit event: both written or neither.
  await db.transaction(async (tx) => {
    const previous = await setRequireTwoFactor(tx as unknown as Db, input.requireTwoFactor, actor.id);
    await recordAudit(tx as unknown as Db, requestContext(request, actor), {
      action: 'settings.update',
      result: 'success',
      targetType: 'setting',
      targetId: REQUIRE_TWO_FACTOR,
      details: { from: previous, to: input.requireTwoFactor },
    });
  });
  return json({ settings: await getSecuritySettings(db) });
});
