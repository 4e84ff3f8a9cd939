import { apiRoute, json } from '@/lib/api';
import { requestContext } from '@/lib/request-context';
import { attemptsQueryOrThrow, listAttempts } from '@/lib/billing-keys/attempts';
import { searchParamsObject } from '@/lib/validations/attempts';

/** Issuance attempts, newest first; filters as on /attempts. Bad parameters → 422 `invalid_query`. */
export const GET = apiRoute(['attempts.view', 'attempts.view.own'], async (request, _context, actor) => {
  const query = attemptsQueryOrThrow(searchParamsObject(new URL(request.url).searchParams));
  return json(await listAttempts(query, requestContext(request, actor)));
});
