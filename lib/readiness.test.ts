import { describe, expect, it } from 'vitest';
import { IamportClient } from '@/lib/iamport/client';
import type { IamportRuntime } from '@/lib/runtime';
import { checkReadiness } from './readiness';

function runtimeAnswering(answer: (request: Request) => Promise<Response>): IamportRuntime {
  const client = new IamportClient({ baseUrl: 'http://iamport.test', impKey: 'k', impSecret: 's', fetch: answer });
  return { client, mode: 'live' };
}

const database = async () => 'pglite' as const;

const token = () =>
  new Response(JSON.stringify({ code: 0, message: null, response: { access_token: 't', now: 0, expired_at: 3600 } }));

describe('readiness (issue 10, finding 10)', () => {
  it('is not ready when Iamport is down even though a token is cached, with a not_ready envelope', async () => {
    let down = false;
    const runtime = runtimeAnswering(async (request) => {
      if (request.url.endsWith('/users/getToken')) return token();
      if (down) return new Response('<html>502</html>', { status: 502 });
      return new Response(JSON.stringify({ code: 0, message: null, response: [] }));
    });
    await runtime.client.getToken();
    down = true;
    const readiness = await checkReadiness({ runtime, database });
    expect(readiness.iamport.ok).toBe(false);
    expect(readiness.ready).toBe(false);
    expect(readiness.error).toMatchObject({ code: 'not_ready', message: expect.stringContaining('Iamport') });
  });

  it('gives up on a hanging Iamport within its bound', async () => {
    const runtime = runtimeAnswering(async (request) =>
      request.url.endsWith('/users/getToken') ? token() : new Promise<Response>(() => {}),
    );
    const readiness = await checkReadiness({ runtime, database, probeMs: 200 });
    expect(readiness.iamport).toMatchObject({ ok: false, error: 'TimeoutError' });
  });
});
