import { apiRoute, json } from '@/lib/api';
import { listChannels } from '@/lib/billing-keys/issue';

/** The merchant's PG channels from `GET /users/pg`; the form offers the key-in ones. */
export const GET = apiRoute(['keys.issue', 'keys.issue.test_only', 'keys.view', 'qa.run'], async () =>
  json({ channels: await listChannels() }),
);
