import { describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from '.';

const BASE = 'http://sandbox.test';

async function token(fetcher: (request: Request) => Promise<Response>): Promise<string> {
  const response = await fetcher(
    new Request(`${BASE}/users/getToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ imp_key: SANDBOX_IMP_KEY, imp_secret: SANDBOX_IMP_SECRET }),
    }),
  );
  return (await response.json()).response.access_token;
}

describe('per-uid call log and latency', () => {
  it('counts the API calls that named a customer_uid, and only those', async () => {
    const sandbox = createSandbox();
    const auth = { authorization: `Bearer ${await token(sandbox.fetch)}` };
    const post = (uid: string) =>
      sandbox.fetch(
        new Request(`${BASE}/subscribe/customers/${uid}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ card_number: '5272-8900-0000-0004', expiry: '2030-12' }),
        }),
      );
    await post('a');
    await post('a');
    await sandbox.fetch(new Request(`${BASE}/subscribe/customers/a`, { headers: auth }));
    await sandbox.fetch(
      new Request(`${BASE}/subscribe/customers?customer_uid[]=a&customer_uid[]=b`, { headers: auth }),
    );
    const calls = async (uid: string) =>
      (await (await sandbox.fetch(new Request(`${BASE}/__sandbox/calls/${uid}`))).json()).calls;
    expect(await calls('a')).toEqual({ issue: 2, get: 1, multiGet: 1 });
    expect(await calls('b')).toEqual({ multiGet: 1 });
    expect(await calls('never')).toEqual({});
  });

  it('delays every API answer by latencyMs, but not the admin endpoints', async () => {
    const sandbox = createSandbox({ latencyMs: 120 });
    let started = performance.now();
    await token(sandbox.fetch);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    started = performance.now();
    await sandbox.fetch(new Request(`${BASE}/__sandbox/stats`));
    expect(performance.now() - started).toBeLessThan(100);
  });
});
