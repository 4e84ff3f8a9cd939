import { apiRoute, readBodyCapped } from '@/lib/api';
import { getAuth } from '@/lib/auth/auth';
import { handleAuthRequest } from '@/lib/auth/handler';

/**
 * better-auth reads a body whole, whatever its size: it is handed a copy read through the capped
 * reader instead (413 past MAX_BODY_BYTES, from Content-Length or once a chunked body crosses it).
 */
async function withCappedBody(request: Request): Promise<Request> {
  if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return request;
  const body = await readBodyCapped(request);
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

/** better-auth's endpoints (sign-in, second factor, sign-out, session), created once the database is open. */
// Public by nature: signing in is how a visitor becomes someone; better-auth checks each endpoint.
const handler = apiRoute('public', async (request: Request) => {
  const response = await handleAuthRequest(await getAuth(), await withCappedBody(request));
  response.headers.set('Cache-Control', 'no-store');
  return response;
});

export const GET = handler;
export const POST = handler;
