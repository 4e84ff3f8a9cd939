import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit';
import { findStoredKey } from '@/lib/db/billing-keys';
import { testEngines } from '@/lib/testing/db';
import { deleteBillingKeySchema } from '@/lib/validations/key-actions';
import { deleteBillingKey } from './delete';
import { getBillingKeyDetail } from './detail';
import { withFailingAudit } from '@/lib/testing/audit';
import { reviewer, uniqueUid, useCaseSuite } from '@/lib/testing/use-cases';
import { rejection } from '@/lib/testing/errors';

describe('the deletion reason', () => {
  it.each([
    [undefined, '삭제 사유를 입력하세요.'],
    ['', '삭제 사유를 입력하세요.'],
    ['   ', '삭제 사유를 입력하세요.'],
    ['a', '삭제 사유는 2자 이상 입력하세요.'],
    ['가'.repeat(201), '삭제 사유는 200자 이하로 입력하세요.'],
  ])('rejects %j with a Korean message', (reason, message) => {
    const result = deleteBillingKeySchema.safeParse({ reason });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('accepts 2 to 200 characters, trimmed', () => {
    expect(deleteBillingKeySchema.parse({ reason: '  고객 요청  ' })).toEqual({ reason: '고객 요청' });
    expect(deleteBillingKeySchema.safeParse({ reason: '가'.repeat(200) }).success).toBe(true);
    expect(deleteBillingKeySchema.safeParse([1]).success).toBe(false);
  });
});

describe.each(testEngines())('billing-key deletion on $name', (engine) => {
  const { handle, runtime, deps, issueNewKey, issueAtIamportOnly, changeAtIamport, whileFaulty } = useCaseSuite(engine);

  it('deletes at Iamport with the reason, then keeps the record as deleted with who, when and why', async () => {
    const uid = await issueNewKey('del');
    const result = await deleteBillingKey(uid, { reason: '고객 해지 요청' }, reviewer, deps());
    expect(result).toMatchObject({ customerUid: uid, notFoundAtIamport: false });
    expect(result.stored).toMatchObject({ status: 'deleted', deletedBy: 'reviewer-1', deleteReason: '고객 해지 요청' });
    expect(result.stored?.deletedAt).toBeTruthy();
    expect(await runtime.sandbox.admin.getKey(uid)).toBeUndefined();
    const sent = runtime.requests.find((line) => line.startsWith('DELETE') && line.includes(encodeURIComponent(uid)));
    expect(sent).toContain(`reason=${encodeURIComponent('고객 해지 요청')}`);

    const [event] = await listAuditEvents(handle.db, { action: 'billing_key.delete', targetId: uid });
    expect(event).toMatchObject({ result: 'success', actorId: 'reviewer-1', targetType: 'billing_key' });
    expect(event?.details).toMatchObject({
      reason: '고객 해지 요청',
      cardNumberMasked: '52728900****0004',
      notFoundAtIamport: false,
    });

    // The deleted key stays visible as deleted, and agrees with Iamport.
    const detail = await getBillingKeyDetail(uid, reviewer, deps());
    expect(detail.liveStatus).toBe('missing');
    expect(detail.stored).toMatchObject({ status: 'deleted', liveState: 'same' });
  });

  it('marks a key already gone at Iamport as deleted here, and says so', async () => {
    const uid = await issueNewKey('del_gone');
    await runtime.sandbox.admin.removeKey(uid);
    const result = await deleteBillingKey(uid, { reason: '이미 해지됨' }, reviewer, deps());
    expect(result.notFoundAtIamport).toBe(true);
    expect(result.stored).toMatchObject({ status: 'deleted', deleteReason: '이미 해지됨' });
  });

  it('keeps the key active and audits a failure when Iamport cannot be reached', async () => {
    const uid = await issueNewKey('del_down');
    await whileFaulty(uid, 'http_500', async () => {
      const error = await rejection(deleteBillingKey(uid, { reason: '고객 요청' }, reviewer, deps()));
      expect(error.code).toBe('upstream_unavailable');
    });
    expect((await findStoredKey(handle.db, uid))?.status).toBe('active');
    expect(await runtime.sandbox.admin.getKey(uid)).toBeDefined();
    const [event] = await listAuditEvents(handle.db, { action: 'billing_key.delete', targetId: uid });
    expect(event).toMatchObject({ result: 'failure' });
    expect(event?.details).toMatchObject({
      reason: '고객 요청',
      error: 'upstream_unavailable',
      cardNumberMasked: '52728900****0004',
    });
  });

  it('deletes nothing when the audit event cannot be written (audit_unavailable, key kept at Iamport)', async () => {
    const uid = await issueNewKey('del_noaudit');
    const before = runtime.requests.length;
    const error = await rejection(
      deleteBillingKey(uid, { reason: '고객 요청' }, reviewer, { db: withFailingAudit(handle.db), runtime }),
    );
    expect(error.code).toBe('audit_unavailable');
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/감사 기록/);
    expect(runtime.requests.slice(before).filter((line) => line.startsWith('DELETE'))).toEqual([]);
    expect(await runtime.sandbox.admin.getKey(uid)).toBeDefined();
    expect((await findStoredKey(handle.db, uid))?.status).toBe('active');
  });

  it('records the request before Iamport is called, and the outcome after', async () => {
    const uid = await issueNewKey('del_order');
    await deleteBillingKey(uid, { reason: '고객 요청' }, reviewer, deps());
    const events = await listAuditEvents(handle.db, { targetId: uid });
    expect(events.map((event) => event.action).slice(0, 2)).toEqual([
      'billing_key.delete',
      'billing_key.delete_requested',
    ]);
    expect(events[1]).toMatchObject({ result: 'success', actorId: 'reviewer-1', details: { reason: '고객 요청' } });
  });

  describe('QA (test keys only)', () => {
    const qa = { actor: { id: 'qa-1', email: 'qa@example.com', role: 'qa' as const }, ip: '127.0.0.1' };

    it('may delete a key that is on a test channel at Iamport now', async () => {
      const uid = await issueNewKey('del_qa_test');
      const result = await deleteBillingKey(uid, { reason: 'QA 정리' }, qa, deps());
      expect(result.notFoundAtIamport).toBe(false);
      expect(await runtime.sandbox.admin.getKey(uid)).toBeUndefined();
    });

    it('may not delete a test key whose card Iamport now holds on a live channel (the live record decides)', async () => {
      const uid = await issueNewKey('del_qa_live');
      expect((await findStoredKey(handle.db, uid))?.sandbox).toBe(true);
      // Replaced at Iamport onto a live channel, behind the console's back.
      await changeAtIamport(uid, () => ({ pg_provider: 'kcp', pg_id: 'IP_LIVE', sandbox: false }));
      const error = await rejection(deleteBillingKey(uid, { reason: 'QA 정리' }, qa, deps()));
      expect(error.code).toBe('forbidden');
      expect(await runtime.sandbox.admin.getKey(uid)).toBeDefined();
      expect(runtime.requests.filter((line) => line.startsWith('DELETE') && line.includes(uid))).toEqual([]);
    });

    it('may not delete when Iamport cannot say which channel the key is on now', async () => {
      const uid = await issueNewKey('del_qa_down');
      await whileFaulty(uid, 'http_500', async () => {
        const error = await rejection(deleteBillingKey(uid, { reason: 'QA 정리' }, qa, deps()));
        expect(error.code).toBe('upstream_unavailable');
        expect(error.message).toMatch(/삭제하지 않았습니다/);
      });
      expect(await runtime.sandbox.admin.getKey(uid)).toBeDefined();
    });
  });

  it('answers not_found when neither the app nor Iamport has the uid', async () => {
    const uid = uniqueUid('del_none');
    const error = await rejection(deleteBillingKey(uid, { reason: '고객 요청' }, reviewer, deps()));
    expect(error.code).toBe('not_found');
    expect(await findStoredKey(handle.db, uid)).toBeUndefined();
  });

  it('records the deletion of a key that existed only at Iamport', async () => {
    const uid = await issueAtIamportOnly('del_liveonly');
    const result = await deleteBillingKey(uid, { reason: '모르는 키 정리' }, reviewer, deps());
    expect(result.stored).toMatchObject({
      customerUid: uid,
      status: 'deleted',
      deleteReason: '모르는 키 정리',
      cardNumberMasked: '45184200****0007',
      issuedBy: null,
    });
  });
});
