import { apiRoute, json } from '@/lib/api';
import { listChannelsFor } from '@/lib/billing-keys/channels';
import { getIamport } from '@/lib/runtime';

/**
 * The merchant's PG channels from `GET /users/pg`, flagged `hidden`/`isDefault` by the admin's
 * channel settings; agents never see the hidden ones. The form offers the key-in ones.
 */
export const GET = apiRoute(
  ['keys.issue', 'keys.issue.test_only', 'keys.view', 'qa.run'],
  async (_request, _context, actor) => json({ channels: await listChannelsFor(actor, { runtime: getIamport() }) }),
);
