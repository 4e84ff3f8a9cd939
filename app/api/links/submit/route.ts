import { apiRoute, json, readJsonBody } from '@/lib/api';
import { AppError } from '@/lib/errors';
import { submitLink } from '@/lib/links/public';
import { requestContext } from '@/lib/request-context';

/**
 * The customer's card from a card-registration link's page. Public: the token in the body (never in
 * the path, which is logged) is the only credential. Answers the masked card only.
 */
export const POST = apiRoute('public', async (request) => {
  const body = await readJsonBody(request);
  const token = typeof body === 'object' && body !== null ? (body as { token?: unknown }).token : undefined;
  if (typeof token !== 'string') throw new AppError('not_found', '이 링크로는 더 이상 카드를 등록할 수 없습니다.');
  const { token: _token, ...card } = body as Record<string, unknown>;
  void _token;
  return json(await submitLink(token, card, requestContext(request)), 201);
});
