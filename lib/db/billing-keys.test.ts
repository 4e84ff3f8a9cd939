import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CustomerAnnotation } from '@/lib/iamport/types';
import { startAttempt } from './attempts';
import { activeKeysWithCard, findStoredKey, keyHistory, markKeyDeleted, upsertIssuedKey } from './billing-keys';
import { auditEvents, issueAttempts } from './schema';
import { suiteDatabase, testEngines } from '@/lib/testing/db';

const annotation = (uid: string, updated: number, card: string): CustomerAnnotation =>
  ({
    customer_uid: uid,
    pg_provider: 'nice',
    pg_id: 'nictest04m',
    card_name: '국민KB카드',
    card_number: card,
    inserted: updated,
    updated,
  }) as CustomerAnnotation;

describe.each(testEngines())('recording an issued key on $name', (engine) => {
  const handle = suiteDatabase(engine);
  const context = { appMode: 'sandbox' as const, channelKey: null, actorId: 'agent-1' };
  const uid = (name: string) => `rec_${name}_${Date.now().toString(36)}`;

  it('writes the key, the attempt outcome and the audit event together', async () => {
    const id = uid('together');
    const attemptId = await startAttempt(handle.db, {
      customerUid: id,
      requestedPg: 'nice',
      channelKey: null,
      pgProvider: 'nice',
      appMode: 'sandbox',
      actorId: 'agent-1',
    });
    const result = await upsertIssuedKey(handle.db, annotation(id, 1_790_000_000, '52728900****0004'), context, {
      attempt: {
        id: attemptId,
        finish: { outcome: 'issued', pgProvider: 'nice', pgId: 'nictest04m', replaced: false, durationMs: 12 },
      },
      audit: {
        actorId: 'agent-1',
        actorEmail: 'a@example.test',
        action: 'billing_key.issue',
        result: 'success',
        targetType: 'billing_key',
        targetId: id,
        ip: null,
        details: { attemptId },
      },
    });
    expect(result).toEqual({ replacedStored: false });
    expect(await findStoredKey(handle.db, id)).toMatchObject({
      cardNumberMasked: '52728900****0004',
      issuedBy: 'agent-1',
      status: 'active',
    });
    const [attempt] = await handle.db.select().from(issueAttempts).where(eq(issueAttempts.id, attemptId));
    expect(attempt).toMatchObject({ outcome: 'issued', pgId: 'nictest04m', durationMs: 12 });
    expect(attempt?.finishedAt).toBeInstanceOf(Date);
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'billing_key.issue', details: { attemptId } });
  });

  it('moves a different stored card to the history, and not the same issuance recorded twice', async () => {
    const id = uid('history');
    expect(await upsertIssuedKey(handle.db, annotation(id, 1_790_000_000, '52728900****0004'), context)).toEqual({
      replacedStored: false,
    });
    expect(await upsertIssuedKey(handle.db, annotation(id, 1_790_000_000, '52728900****0004'), context)).toEqual({
      replacedStored: false,
    });
    expect(await keyHistory(handle.db, id)).toHaveLength(0);
    expect(await upsertIssuedKey(handle.db, annotation(id, 1_790_000_100, '45184200****1111'), context)).toEqual({
      replacedStored: true,
    });
    const history = await keyHistory(handle.db, id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ cardNumberMasked: '52728900****0004', replacedBy: 'agent-1' });
    expect((await findStoredKey(handle.db, id))?.cardNumberMasked).toBe('45184200****1111');
  });

  it('never erases a stored customer field with a blank one; a new value replaces it', async () => {
    const id = uid('customer');
    const first = {
      ...annotation(id, 1_790_000_000, '52728900****0004'),
      customer_name: '홍길동',
      customer_tel: '010-1234-5678',
      customer_id: 'member-7',
    };
    await upsertIssuedKey(handle.db, first, context);
    // The replacement was sent without name and id (blank form fields) but with a new phone.
    const second = {
      ...annotation(id, 1_790_000_100, '45184200****1111'),
      customer_name: null,
      customer_tel: '010-9999-0000',
      customer_id: '',
    } as unknown as CustomerAnnotation;
    await upsertIssuedKey(handle.db, second, context);
    expect(await findStoredKey(handle.db, id)).toMatchObject({
      cardNumberMasked: '45184200****1111',
      customerName: '홍길동',
      customerId: 'member-7',
      customerTel: '010-9999-0000',
    });
  });

  it('finds the same card under other customer_uids by first 6 and last 4, whatever the PG mask', async () => {
    const [nice, kcp, other, deleted, self] = ['nice', 'kcp', 'other', 'deleted', 'self'].map((name) =>
      uid(`dup_${name}`),
    );
    const last4 = String(Date.now()).slice(-4);
    await upsertIssuedKey(
      handle.db,
      { ...annotation(nice!, 1_790_000_000, `51818500****${last4}`), customer_name: '김하나' },
      context,
    );
    await upsertIssuedKey(handle.db, annotation(kcp!, 1_790_000_000, `518185000000${last4}`), context);
    await upsertIssuedKey(handle.db, annotation(other!, 1_790_000_000, `52728900****${last4}`), context);
    await upsertIssuedKey(handle.db, annotation(deleted!, 1_790_000_000, `51818500****${last4}`), context);
    await markKeyDeleted(handle.db, deleted!, { by: null, reason: '테스트' });
    await upsertIssuedKey(handle.db, annotation(self!, 1_790_000_000, `51818500****${last4}`), context);
    const found = await activeKeysWithCard(handle.db, { bin6: '518185', last4, exceptUid: self });
    expect(found.map((row) => row.customerUid).sort()).toEqual([kcp, nice].sort());
    expect(found.find((row) => row.customerUid === nice)).toMatchObject({ customerName: '김하나' });
    expect(await activeKeysWithCard(handle.db, { bin6: '518186', last4 })).toEqual([]);
  });

  it('writes nothing at all when one part fails', async () => {
    const id = uid('atomic');
    const failing = upsertIssuedKey(handle.db, annotation(id, 1_790_000_000, '52728900****0004'), context, {
      attempt: { id: 'not-a-uuid', finish: { outcome: 'issued', durationMs: 1 } },
      audit: { action: 'billing_key.issue', result: 'success', targetType: 'billing_key', targetId: id },
    });
    await expect(failing).rejects.toThrow();
    expect(await findStoredKey(handle.db, id)).toBeUndefined();
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.targetId, id))).toHaveLength(0);
  });
});
