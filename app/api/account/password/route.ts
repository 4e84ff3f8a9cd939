import { requestContext } from '@/lib/request-context';
import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { changeOwnPassword } from '@/lib/auth/account';
import { RATE_LIMITED_MESSAGE } from '@/lib/auth/hooks';
import { changePasswordSchema } from '@/lib/validations/auth';

/**
 * Own password change, with the app's password rule. Wrong current passwords count towards the
 * sign-in limit. Other sessions end; this browser gets a fresh session cookie.
 */
export const POST = apiRoute(
  { permission: 'account.self', options: { allowPendingTwoFactor: true } },
  async (request, _context, actor) => {
    const input = parseWith(changePasswordSchema(actor.email), await readJsonBody(request));
    const outcome = await changeOwnPassword(input, { ...requestContext(request, actor), headers: request.headers });
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
