import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { sendLink } from '@/lib/links/delivery';
import { requestContext } from '@/lib/request-context';
import { sendLinkSchema } from '@/lib/validations/links';
import { requestOriginOf } from '../../origin';

/** Sends a link by email or through the merchant's messaging webhook; the outcome is kept on the link. */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(
  ['links.send', 'links.send.test_only'],
  async (request, context, actor) => {
    const { id } = await context.params;
    const input = parseWith(sendLinkSchema, await readJsonBody(request));
    const who = { ...requestContext(request, actor), origin: requestOriginOf(request) };
    return json({ link: await sendLink(id, input, who) });
  },
);
