import { apiRoute, json } from '@/lib/api';
import { revokeLink } from '@/lib/links/links';
import { requestContext } from '@/lib/request-context';

/** Ends a link now: the sender, or an admin. */
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(
  ['links.send', 'links.send.test_only'],
  async (request, context, actor) => {
    const { id } = await context.params;
    return json({ link: await revokeLink(id, requestContext(request, actor)) });
  },
);
