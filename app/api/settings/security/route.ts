import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { recordAudit } from '@/lib/audit';
import { getAuthRuntime } from '@/lib/auth/auth';
import { requireActor } from '@/lib/auth/session';
import { getSecuritySettings, REQUIRE_TWO_FACTOR, setRequireTwoFactor } from '@/lib/auth/settings';
import { requestContext } from '@/lib/request-context';
import { securitySettingsSchema } from '@/lib/validations/auth';

export const GET = apiRoute(async (request) => {
  await requireActor(request, 'settings.manage');
  const { db } = await getAuthRuntime();
  return json({ settings: await getSecuritySettings(db) });
});

/** "Require 2FA for everyone"; every change is audited with its old and new value. */
export const PUT = apiRoute(async (request) => {
  const actor = await requireActor(request, 'settings.manage');
  const input = parseWith(securitySettingsSchema, await readJsonBody(request));
  const { db } = await getAuthRuntime();
  const previous = await setRequireTwoFactor(db, input.requireTwoFactor, actor.id);
  await recordAudit(db, requestContext(request, actor), {
    action: 'settings.update',
    result: 'success',
    targetType: 'setting',
    targetId: REQUIRE_TWO_FACTOR,
    details: { from: previous, to: input.requireTwoFactor },
  });
  return json({ settings: await getSecuritySettings(db) });
});
