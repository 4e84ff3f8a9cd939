import { apiRoute, json } from '@/lib/api';
import { getAuthRuntime } from '@/lib/auth/auth';
import { recordAuthEvent } from '@/lib/auth/audit';
import { requireActor } from '@/lib/auth/session';
import { endAllSessions } from '@/lib/auth/staff';
import { clientIp } from '@/lib/request-context';

/** "Sign out everywhere": ends every session of the signed-in account, this one included. */
export const DELETE = apiRoute(async (request) => {
  const actor = await requireActor(request, 'account.self', { allowPendingTwoFactor: true });
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
});
