import { getEnv } from '@/lib/env';

/**
 * Benchmark baseline (`npm run bench`): constant JSON straight from a route handler, with no
 * `apiRoute`, session or database, so the bench can compare issuance with what the server costs
 * anyway. Only with `BENCH_ROUTES=1`; otherwise it does not exist (404). Public: it reveals nothing.
 */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  if (!getEnv().BENCH_ROUTES) {
    return Response.json(
      { error: { code: 'not_found', message: '없는 주소입니다.' } },
      { status: 404, headers: { 'Cache-Control': 'no-store' } },
    );
  }
  return Response.json({ ok: true });
}
