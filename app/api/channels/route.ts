import { apiRoute, json } from '@/lib/api';
import { requestContext } from '@/lib/request-context';
import { listChannelsFor } from '@/lib/billing-keys/channels';

/**
 * The merchant's PG channels from `GET /users/pg`, flagged `hidden`/`isDefault` by the admin's
 * channel settings; agents never see the hidden ones. The form offers the key-in ones.
 */
export const GET = apiRoute(
  ['keys.issue', 'keys.issue.test_only', 'keys.view', 'qa.run'],
  async (request, _context, actor) => json({ channels: await listChannelsFor(requestContext(request, actor)) }),
);
