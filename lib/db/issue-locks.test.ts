import { describe, expect, it } from 'vitest';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { tryLease } from './issue-locks';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let sequence = 0;
const uid = () => `lease_${Date.now().toString(36)}_${sequence++}`;

describe.each(testEngines())('customer_uid leases on $name', (engine) => {
  const handle = suiteDatabase(engine);

  it('is held by one holder at a time and free again once released', async () => {
    const customerUid = uid();
    const first = await tryLease(handle.db, customerUid, { ttlMs: 5_000 });
    expect(first).not.toBeNull();
    expect(await tryLease(handle.db, customerUid, { ttlMs: 5_000 })).toBeNull();
    await first!.release();
    const second = await tryLease(handle.db, customerUid, { ttlMs: 5_000 });
    expect(second).not.toBeNull();
    await second!.release();
  });

  it('a live holder keeps renewing it past its TTL', async () => {
    const customerUid = uid();
    const held = await tryLease(handle.db, customerUid, { ttlMs: 300 });
    await pause(900);
    expect(await tryLease(handle.db, customerUid, { ttlMs: 300, renew: false })).toBeNull();
    await held!.release();
  });

  it('a holder that stopped renewing (a killed process) loses it once the TTL has passed', async () => {
    const customerUid = uid();
    expect(await tryLease(handle.db, customerUid, { ttlMs: 300, renew: false })).not.toBeNull();
    expect(await tryLease(handle.db, customerUid, { renew: false })).toBeNull();
    await pause(400);
    const taken = await tryLease(handle.db, customerUid, { ttlMs: 5_000 });
    expect(taken).not.toBeNull();
    await taken!.release();
  });
});
