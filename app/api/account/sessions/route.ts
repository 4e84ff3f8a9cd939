import { signOutEverywhere } from '@/lib/auth/account';
import { requestContext } from '@/lib/request-context';
import { apiRoute, json } from '@/lib/api';

/** "Sign out everywhere": ends every session of the signed-in account, this one included. */
export const DELETE = apiRoute(
  { permission: 'account.self', options: { allowPendingTwoFactor: true } },
  async (request, _context, actor) => {
    const ended = await signOutEverywhere(requestContext(request, actor));
    return json({ ended });
  },
);
