import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit';
import { findStoredKey, upsertIssuedKey } from '@/lib/db/billing-keys';
import { testEngines } from '@/lib/testing/db';
import { AppError } from '@/lib/errors';
import { customerAnnotation } from '@/lib/testing/sandbox';
import { deleteBillingKey } from './delete';
import { acknowledgeLiveState, reconcileBillingKeys, reconcileOverview } from './reconcile';
import { issueKey, reviewer, uniqueUid, useCaseSuite } from '@/lib/testing/use-cases';

/** The `n`th of many test keys, each with a card number of its own. */
const annotation = (uid: string, n: number) =>
  customerAnnotation(uid, { sandbox: true, card_number: `52728900****${String(n).padStart(4, '0')}` });

describe.each(testEngines())('reconcile on $name', (engine) => {
  const { handle, runtime, deps, issueNewKey, changeAtIamport } = useCaseSuite(engine, { perTest: true });

  it('sets same / changed / missing from Iamport, lists the findings and audits the counts', async () => {
    const [same, changed, missing, deleted] = ['same', 'changed', 'missing', 'deleted'].map(uniqueUid) as [
      string,
      string,
      string,
      string,
    ];
    for (const uid of [same, changed, missing, deleted]) await issueKey(handle.db, runtime, uid);
    await deleteBillingKey(deleted, { reason: '정리' }, reviewer, deps());
    const live = await changeAtIamport(changed, (held) => ({
      card_number: '45184200****0007',
      card_code: '366',
      updated: held.updated + 60,
    }));
    await runtime.sandbox.admin.removeKey(missing);

    const result = await reconcileBillingKeys(reviewer, deps());
    expect(result).toMatchObject({ checked: 3, same: 1, changed: 1, missing: 1, unavailable: 0, batches: 1 });
    expect((await findStoredKey(handle.db, same))?.liveState).toBe('same');
    expect((await findStoredKey(handle.db, changed))?.liveState).toBe('changed');
    expect((await findStoredKey(handle.db, missing))?.liveState).toBe('missing');
    expect((await findStoredKey(handle.db, deleted))?.status).toBe('deleted');

    const overview = await reconcileOverview({ db: handle.db, mode: 'sandbox' });
    expect(overview.findings.map((finding) => [finding.customerUid, finding.liveState]).sort()).toEqual(
      [
        [changed, 'changed'],
        [missing, 'missing'],
      ].sort(),
    );
    expect(overview.activeKeys).toBe(3);
    expect(overview.lastRun).toMatchObject({ checked: 3, same: 1, changed: 1, missing: 1, result: 'success' });
    // Beside each finding: the card at Iamport now (masked), against the one the console recorded.
    const changedFinding = overview.findings.find((finding) => finding.customerUid === changed);
    expect(changedFinding?.cardNumberMasked).toBe(live.card_number);
    expect(changedFinding?.liveCard).toEqual({
      pgProvider: 'nice',
      pgId: live.pg_id,
      cardName: live.card_name,
      cardNumberMasked: '45184200****0007',
      updatedAt: new Date((live.updated + 60) * 1000).toISOString(),
    });
    expect(overview.findings.find((finding) => finding.customerUid === missing)?.liveCard).toBeNull();

    const [event] = await listAuditEvents(handle.db, { action: 'billing_keys.reconcile' });
    expect(event).toMatchObject({ result: 'success', actorId: 'reviewer-1' });
    expect(event?.details).toMatchObject({ checked: 3, same: 1, changed: 1, missing: 1, unavailable: 0 });
  });

  it('asks Iamport 100 keys at a time with multi-get', async () => {
    const uids = Array.from({ length: 150 }, (_, i) => `bulk_${String(i).padStart(3, '0')}`);
    for (const [i, uid] of uids.entries()) {
      await upsertIssuedKey(handle.db, annotation(uid, i), { appMode: 'sandbox', channelKey: null, actorId: null });
      if (i % 10 !== 0) await runtime.sandbox.admin.putKey(annotation(uid, i)); // every tenth is missing
    }
    runtime.requests.length = 0;
    const result = await reconcileBillingKeys(reviewer, deps());
    expect(result).toMatchObject({ checked: 150, same: 135, missing: 15, changed: 0, batches: 2 });
    const multiGets = runtime.requests.filter((line) => line.startsWith('GET /subscribe/customers?'));
    expect(multiGets).toHaveLength(2);
    expect(multiGets.map((line) => line.split('customer_uid').length - 1)).toEqual([100, 50]);
    expect(runtime.requests.filter((line) => /^GET \/subscribe\/customers\/[^?]/.test(line))).toHaveLength(0);
  });

  it('isolates one key Iamport cannot answer for instead of losing its whole batch', async () => {
    const uids = Array.from({ length: 40 }, (_, i) => `iso_${String(i).padStart(2, '0')}`);
    for (const [i, uid] of uids.entries()) {
      await upsertIssuedKey(handle.db, annotation(uid, i), { appMode: 'sandbox', channelKey: null, actorId: null });
      await runtime.sandbox.admin.putKey(annotation(uid, i));
    }
    const broken = uids[17] as string;
    await runtime.sandbox.admin.removeKey(uids[3] as string);
    runtime.sandbox.admin.setFault(broken, 'connection_drop');
    const result = await reconcileBillingKeys(reviewer, deps());
    expect(result).toMatchObject({ checked: 40, same: 38, missing: 1, unavailable: 1 });
    expect((await findStoredKey(handle.db, broken))?.liveState).toBe('same'); // untouched since issuance
    // The one it could not check is named, in the answer and in the last run the page shows.
    expect(result.unavailableUids).toEqual([broken]);
    expect((await reconcileOverview({ db: handle.db, mode: 'sandbox' })).lastRun?.unavailableUids).toEqual([broken]);
  });

  it('gives up after a bounded number of calls when Iamport is down for everything', async () => {
    for (let i = 0; i < 120; i++) {
      const uid = `down_${String(i).padStart(3, '0')}`;
      await upsertIssuedKey(handle.db, annotation(uid, i), { appMode: 'sandbox', channelKey: null, actorId: null });
      runtime.sandbox.admin.setFault(uid, 'http_500');
    }
    runtime.requests.length = 0;
    const result = await reconcileBillingKeys(reviewer, deps());
    expect(result).toMatchObject({ checked: 120, unavailable: 120, same: 0 });
    expect(runtime.requests.length).toBeLessThan(60);
    const [event] = await listAuditEvents(handle.db, { action: 'billing_keys.reconcile' });
    expect(event?.result).toBe('failure');
  });

  it('checks only keys issued in the current mode', async () => {
    const uid = uniqueUid('livekey');
    await upsertIssuedKey(handle.db, annotation(uid, 1), { appMode: 'live', channelKey: null, actorId: null });
    const result = await reconcileBillingKeys(reviewer, deps());
    expect(result.checked).toBe(0);
    expect((await findStoredKey(handle.db, uid))?.liveState).toBe('same');
  });

  it('"확인함" removes a finding until its live state changes again', async () => {
    const uid = await issueNewKey('ack');
    await changeAtIamport(uid, (live) => ({ updated: live.updated + 60 }));
    await reconcileBillingKeys(reviewer, deps());
    expect((await reconcileOverview({ db: handle.db, mode: 'sandbox' })).findings.map((f) => f.customerUid)).toEqual([
      uid,
    ]);

    const acknowledged = await acknowledgeLiveState(uid, reviewer, { db: handle.db });
    expect(acknowledged).toMatchObject({ liveState: 'changed', liveStateAcknowledgedBy: 'reviewer-1' });
    expect(acknowledged.liveStateAcknowledgedAt).toBeTruthy();
    expect((await reconcileOverview({ db: handle.db, mode: 'sandbox' })).findings).toEqual([]);
    const [event] = await listAuditEvents(handle.db, { action: 'billing_key.acknowledge', targetId: uid });
    expect(event).toMatchObject({ result: 'success' });

    // Still changed: stays acknowledged.
    await reconcileBillingKeys(reviewer, deps());
    expect((await reconcileOverview({ db: handle.db, mode: 'sandbox' })).findings).toEqual([]);
    // Now deleted there too: a new finding.
    await runtime.sandbox.admin.removeKey(uid);
    await reconcileBillingKeys(reviewer, deps());
    const overview = await reconcileOverview({ db: handle.db, mode: 'sandbox' });
    expect(overview.findings.map((f) => [f.customerUid, f.liveState])).toEqual([[uid, 'missing']]);
    expect((await findStoredKey(handle.db, uid))?.liveStateAcknowledgedAt).toBeNull();
  });

  it('acknowledging an unknown uid is not_found', async () => {
    const error = await acknowledgeLiveState(uniqueUid('nope'), reviewer, { db: handle.db }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
  });
});
