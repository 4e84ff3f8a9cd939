import { describe, expect, it } from 'vitest';
import { findStoredKey } from '@/lib/db/billing-keys';
import { authUsers } from '@/lib/db/schema';
import { testEngines } from '@/lib/testing/db';
import { getBillingKeyDetail } from './detail';
import { issueKey, reviewer, uniqueUid, useCaseSuite } from '@/lib/testing/use-cases';
import { rejection } from '@/lib/testing/errors';

describe.each(testEngines())('billing-key detail on $name', (engine) => {
  const { handle, runtime, deps, issueNewKey, issueAtIamportOnly, changeAtIamport, whileFaulty } = useCaseSuite(engine);

  it('shows stored and live side by side when they agree, with attempts and audit', async () => {
    const uid = await issueNewKey('same');
    const detail = await getBillingKeyDetail(uid, reviewer, deps());
    expect(detail.liveStatus).toBe('present');
    expect(detail.differences).toEqual([]);
    expect(detail.billingKey).toMatchObject({ customerUid: uid, cardNumberMasked: '52728900****0004' });
    expect(detail.stored).toMatchObject({ customerUid: uid, status: 'active', liveState: 'same', appMode: 'sandbox' });
    expect(detail.attempts.map((attempt) => attempt.outcome)).toEqual(['issued']);
    const lookup = detail.audit.find((event) => event.action === 'billing_key.lookup');
    expect(lookup).toMatchObject({ result: 'success', actorId: 'reviewer-1', ip: '127.0.0.1' });
    expect(lookup?.details).toMatchObject({
      liveStatus: 'present',
      differences: [],
      cardNumberMasked: '52728900****0004',
    });
    expect(detail.audit.map((event) => event.action)).toContain('billing_key.issue');
  });

  it('highlights a card replaced at Iamport behind the app’s back and marks the row changed', async () => {
    const uid = await issueNewKey('changed');
    await changeAtIamport(uid, (live) => ({
      card_number: '45184200****0007',
      card_code: '366',
      card_name: '신한카드',
      updated: live.updated + 600,
    }));
    const detail = await getBillingKeyDetail(uid, reviewer, deps());
    expect(detail.liveStatus).toBe('present');
    expect(detail.differences).toEqual(
      expect.arrayContaining(['cardNumberMasked', 'cardCode', 'cardName', 'updatedAt']),
    );
    expect(detail.differences).not.toContain('insertedAt');
    expect(detail.billingKey?.cardNumberMasked).toBe('45184200****0007');
    expect(detail.stored?.cardNumberMasked).toBe('52728900****0004');
    expect(detail.stored?.liveState).toBe('changed');
    expect((await findStoredKey(handle.db, uid))?.liveState).toBe('changed');
  });

  it('says a key deleted at Iamport is missing there, and marks the row missing', async () => {
    const uid = await issueNewKey('gone');
    await runtime.sandbox.admin.removeKey(uid);
    const detail = await getBillingKeyDetail(uid, reviewer, deps());
    expect(detail.liveStatus).toBe('missing');
    expect(detail.billingKey).toBeNull();
    expect(detail.stored).toMatchObject({ status: 'active', liveState: 'missing' });
  });

  it('still shows the stored record when Iamport cannot be reached, without touching its live state', async () => {
    const uid = await issueNewKey('down');
    await whileFaulty(uid, 'html_error', async () => {
      const detail = await getBillingKeyDetail(uid, reviewer, deps());
      expect(detail.liveStatus).toBe('unavailable');
      expect(detail.liveError).toMatch(/Iamport에 연결할 수 없거나/);
      expect(detail.billingKey).toBeNull();
      expect(detail.stored).toMatchObject({ customerUid: uid, liveState: 'same' });
      const lookup = detail.audit.find((event) => event.action === 'billing_key.lookup');
      expect(lookup).toMatchObject({ result: 'failure' });
      expect(lookup?.details).toMatchObject({ liveStatus: 'unavailable', error: 'upstream_unavailable' });
    });
  });

  it('shows a key that exists only at Iamport as live-only', async () => {
    const uid = await issueAtIamportOnly('liveonly');
    const detail = await getBillingKeyDetail(uid, reviewer, deps());
    expect(detail.stored).toBeNull();
    expect(detail.liveStatus).toBe('present');
    expect(detail.billingKey?.cardName).toBeTruthy();
    expect(detail.differences).toEqual([]);
  });

  it('answers not_found when neither the app nor Iamport knows the uid, and audits the lookup', async () => {
    const uid = uniqueUid('nowhere');
    const error = await rejection(getBillingKeyDetail(uid, reviewer, deps()));
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
  });

  it('answers upstream_unavailable when nothing is stored and Iamport cannot say', async () => {
    const uid = uniqueUid('unknown_down');
    await whileFaulty(uid, 'http_500', async () => {
      const error = await rejection(getBillingKeyDetail(uid, reviewer, deps()));
      expect(error.code).toBe('upstream_unavailable');
    });
  });

  it('lists the cards a uid held before each replacement', async () => {
    const uid = await issueNewKey('history');
    await issueKey(handle.db, runtime, uid, '4518-4200-0000-0007', { replace_confirmed: true });
    const detail = await getBillingKeyDetail(uid, reviewer, deps());
    expect(detail.history.map((entry) => entry.cardNumberMasked)).toEqual(['52728900****0004']);
    expect(detail.stored?.cardNumberMasked).toBe('45184200****0007');
    expect(detail.differences).toEqual([]);
    expect(detail.attempts).toHaveLength(2);
  });

  it('names who issued and who replaced by the email of their account, and gives none for an id no account has', async () => {
    const uid = await issueNewKey('people');
    await issueKey(handle.db, runtime, uid, '4518-4200-0000-0007', { replace_confirmed: true });
    const unnamed = await getBillingKeyDetail(uid, reviewer, deps());
    expect(unnamed.history).toMatchObject([{ replacedBy: 'reviewer-1', replacedByEmail: null }]);
    expect(unnamed.stored).toMatchObject({ issuedBy: 'reviewer-1', issuedByEmail: null });

    await handle.db
      .insert(authUsers)
      .values({ id: 'reviewer-1', name: '검토자', email: 'reviewer@example.com', role: 'reviewer' })
      .onConflictDoNothing();
    const detail = await getBillingKeyDetail(uid, reviewer, deps());
    expect(detail.history).toMatchObject([{ replacedBy: 'reviewer-1', replacedByEmail: 'reviewer@example.com' }]);
    expect(detail.stored).toMatchObject({ issuedBy: 'reviewer-1', issuedByEmail: 'reviewer@example.com' });
  });

  it('does not compare a key issued in the other mode', async () => {
    const uid = uniqueUid('othermode');
    await issueKey(handle.db, { ...runtime, mode: 'live' }, uid);
    const detail = await getBillingKeyDetail(uid, reviewer, deps());
    expect(detail.liveStatus).toBe('unavailable');
    expect(detail.liveError).toContain('실제 Iamport 모드에서 발급');
    expect(detail.stored?.liveState).toBe('same');
  });
});
