import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { requestContext } from '@/lib/request-context';
import { channelSettingsView, updateChannelSettings } from '@/lib/settings/channels';
import { channelSettingsSchema } from '@/lib/settings/schema';

/** The merchant's channels as `GET /users/pg` lists them now, with the default and hidden flags. */
export const GET = apiRoute('settings.manage', async () => json(await channelSettingsView()));

/** Saves the default channel and the channels hidden from agents; audited as `settings.update`. */
export const PUT = apiRoute('settings.manage', async (request, _context, actor) => {
  const input = parseWith(channelSettingsSchema, await readJsonBody(request));
  return json(await updateChannelSettings(input, requestContext(request, actor)));
});
