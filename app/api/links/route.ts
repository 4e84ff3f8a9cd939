import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { createLink, listLinks } from '@/lib/links/links';
import { deliveryOptions } from '@/lib/links/delivery';
import { requestContext } from '@/lib/request-context';
import { createLinkSchema, linksQuerySchema } from '@/lib/validations/links';
import { requestOriginOf } from './origin';

/** The links: every one for admins and reviewers, one's own for everyone else. */
export const GET = apiRoute(['links.view', 'links.view.own'], async (request, _context, actor) => {
  const query = parseWith(linksQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return json(await listLinks(query, requestContext(request, actor)));
});

/** Creates a one-time card-registration link; the answer holds the URL with its token, this once. */
export const POST = apiRoute(['links.send', 'links.send.test_only'], async (request, _context, actor) => {
  const input = parseWith(createLinkSchema, await readJsonBody(request));
  const created = await createLink(input, { ...requestContext(request, actor), origin: requestOriginOf(request) });
  return json({ ...created, delivery: deliveryOptions() }, 201);
});
