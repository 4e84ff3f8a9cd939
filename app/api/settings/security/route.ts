import { saveSecuritySettings } from '@/lib/auth/settings';
import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { getSecuritySettings } from '@/lib/auth/settings';
import { requestContext } from '@/lib/request-context';
import { securitySettingsSchema } from '@/lib/validations/auth';

export const GET = apiRoute('settings.manage', async () => json({ settings: await getSecuritySettings() }));

/** "Require 2FA for everyone"; every change is audited with its old and new value. */
export const PUT = apiRoute('settings.manage', async (request, _context, actor) => {
  const input = parseWith(securitySettingsSchema, await readJsonBody(request));
  return json({ settings: await saveSecuritySettings(input, requestContext(request, actor)) });
});
