import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { changeOwnPassword } from '@/lib/auth/account';
import { getAuthRuntime } from '@/lib/auth/auth';
import { RATE_LIMITED_MESSAGE } from '@/lib/auth/hooks';
import { clientIp } from '@/lib/request-context';
import { changePasswordSchema } from '@/lib/validations/auth';

/**
 * Own password change, with the app's password rule. Wrong current passwords count towards the
 * sign-in limit. Other sessions end; this browser gets a fresh session cookie.
 */
export const POST = apiRoute(
  { permission: 'account.self', options: { allowPendingTwoFactor: true } },
  async (request, _context, actor) => {
    const input = parseWith(changePasswordSchema(actor.email), await readJsonBody(request));
    const from = { headers: request.headers, ip: clientIp(request) };
    const outcome = await changeOwnPassword(await getAuthRuntime(), actor, input, from);
    if (outcome.status === 'rate_limited') {
      const { retryAfterSeconds: retryAfter } = outcome;
      const message = RATE_LIMITED_MESSAGE(retryAfter);
      const response = json({ error: { code: 'rate_limited', message, retryAfter } }, 429);
      response.headers.set('Retry-After', String(retryAfter));
      return response;
    }
    const response = json({ changed: true });
    for (const cookie of outcome.setCookies) response.headers.append('set-cookie', cookie);
    return response;
  },
);
