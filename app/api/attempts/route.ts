import { apiRoute, json } from '@/lib/api';
import { attemptsQueryOrThrow, listAttempts } from '@/lib/billing-keys/attempts';
import { seesAllAttempts } from '@/lib/billing-keys/scope';
import { searchParamsObject } from '@/lib/validations/attempts';

/** Issuance attempts, newest first; filters as on /attempts. Bad parameters → 422 `invalid_query`. */
export const GET = apiRoute(['attempts.view', 'attempts.view.own'], async (request, _context, actor) => {
  const query = attemptsQueryOrThrow(searchParamsObject(new URL(request.url).searchParams));
  return json(await listAttempts(query, { onlyActorId: seesAllAttempts(actor) ? undefined : actor.id }));
});
