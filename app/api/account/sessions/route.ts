import { apiRoute, json } from '@/lib/api';
import { getAuthRuntime } from '@/lib/auth/auth';
import { recordAuthEvent } from '@/lib/auth/audit';
import { endAllSessions } from '@/lib/auth/staff';
import { clientIp } from '@/lib/request-context';

/** "Sign out everywhere": ends every session of the signed-in account, this one included. */
export const DELETE = apiRoute(
  { permission: 'account.self', options: { allowPendingTwoFactor: true } },
  async (request, _context, actor) => {
    const { db } = await getAuthRuntime();
    const ended = await endAllSessions(db, actor.id);
    await recordAuthEvent(db, {
      action: 'sign_out.everywhere',
      result: 'success',
      userId: actor.id,
      email: actor.email,
      ip: clientIp(request),
      details: { sessions: ended },
    });
    return json({ ended });
  },
);
