import { apiRoute } from '@/lib/api';
import { getAuth } from '@/lib/auth/auth';
import { handleAuthRequest } from '@/lib/auth/handler';

/** better-auth's endpoints (sign-in, second factor, sign-out, session), created once the database is open. */
// Public by nature: signing in is how a visitor becomes someone; better-auth checks each endpoint.
const handler = apiRoute('public', async (request: Request) => {
  const response = await handleAuthRequest(await getAuth(), request);
  response.headers.set('Cache-Control', 'no-store');
  return response;
});

export const GET = handler;
export const POST = handler;
