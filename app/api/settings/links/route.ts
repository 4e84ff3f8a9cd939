import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { linkSettingsView, saveLinkSettings } from '@/lib/links/settings';
import { requestContext } from '@/lib/request-context';
import { linkSettingsSchema } from '@/lib/validations/links';

/** The customer page's texts, the links' lifetime and which deliveries are configured. */
export const GET = apiRoute('settings.manage', async () => json(await linkSettingsView()));

export const PUT = apiRoute('settings.manage', async (request, _context, actor) => {
  const input = parseWith(linkSettingsSchema, await readJsonBody(request));
  return json(await saveLinkSettings(input, requestContext(request, actor)));
});
