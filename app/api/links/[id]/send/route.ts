import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { getDb } from '@/lib/db';
import { sendLink } from '@/lib/links/delivery';
import { publicOrigin } from '@/lib/links/links';
import { requestContext } from '@/lib/request-context';
import { getIamport } from '@/lib/runtime';
import { sendLinkSchema } from '@/lib/validations/links';
import { requestOriginOf } from '../../origin';

/** Sends a link by email or through the merchant's messaging webhook; the outcome is kept on the link. */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(
  ['links.send', 'links.send.test_only'],
  async (request, context, actor) => {
    const { id } = await context.params;
    const input = parseWith(sendLinkSchema, await readJsonBody(request));
    const origin = publicOrigin(requestOriginOf(request), getIamport().mode);
    return json({ link: await sendLink(id, input, requestContext(request, actor), { db: await getDb(), origin }) });
  },
);
