import { apiRoute, json } from '@/lib/api';
import { requestContext } from '@/lib/request-context';
import { getLinkDetail } from '@/lib/links/links';

/** One link with the customer's attempts and, once used, the masked key (the agent's screen polls it). */
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(
  ['links.view', 'links.view.own'],
  async (request, context, actor) => {
    const { id } = await context.params;
    return json(await getLinkDetail(id, requestContext(request, actor)));
  },
);
