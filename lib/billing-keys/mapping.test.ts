import { describe, expect, it } from 'vitest';
import type { BillingKeyRow } from '@/lib/db/schema';
import { cardTypeOf, storedToView, toListRow, toStoredView } from './mapping';

const row: BillingKeyRow = {
  customerUid: 'cust_1',
  pgProvider: 'nice',
  pgId: 'nictest04m',
  sandbox: true,
  appMode: 'sandbox',
  cardName: '국민KB카드',
  cardCode: '381',
  cardNumberMasked: '52728900****0004',
  cardType: 1,
  cardIssuerCode: null,
  cardIssuerName: 'KB국민',
  cardPublisherCode: null,
  cardPublisherName: null,
  customerId: null,
  customerName: '김민준',
  customerTel: '010-1234-5678',
  customerEmail: null,
  customerAddr: null,
  customerPostcode: null,
  channelKey: 'channel-key-1',
  iamportInsertedAt: new Date('2026-11-01T00:00:00Z'),
  iamportUpdatedAt: new Date('2026-11-02T00:00:00Z'),
  issuedAt: new Date('2026-11-01T00:00:01Z'),
  updatedAt: new Date('2026-11-02T00:00:01Z'),
  issuedBy: 'staff-1',
  status: 'active',
  deletedAt: null,
  deletedBy: null,
  deleteReason: null,
  liveState: 'same',
  liveCheckedAt: null,
  liveStateAcknowledgedAt: null,
  liveStateAcknowledgedBy: null,
} as BillingKeyRow;

describe('the billing-key read model', () => {
  it.each([
    [0, 'credit'],
    ['0', 'credit'],
    [1, 'check'],
    ['1', 'check'],
    [null, 'unknown'],
    [undefined, 'unknown'],
    [2, 'unknown'],
  ])('card type %j is %s', (value, expected) => {
    expect(cardTypeOf(value)).toBe(expected);
  });

  it('gives the stored view the live-shaped view and the stored record on top of it', () => {
    const view = storedToView(row);
    expect(view).toEqual({
      customerUid: 'cust_1',
      pgProvider: 'nice',
      pgId: 'nictest04m',
      sandbox: true,
      cardName: '국민KB카드',
      cardCode: '381',
      cardNumberMasked: '52728900****0004',
      cardType: 'check',
      customerId: null,
      customerName: '김민준',
      customerTel: '010-1234-5678',
      customerEmail: null,
      customerAddr: null,
      customerPostcode: null,
      insertedAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-02T00:00:00.000Z',
    });
    const stored = toStoredView(row);
    expect(stored).toMatchObject(view);
    expect(stored).toMatchObject({
      appMode: 'sandbox',
      channelKey: 'channel-key-1',
      issuedAt: '2026-11-01T00:00:01.000Z',
    });
  });

  it('makes a list row of the listed columns only', () => {
    const listed = toListRow({ ...row, extra: 'cursor' } as typeof row);
    expect(listed).not.toHaveProperty('extra');
    expect(listed).not.toHaveProperty('appMode');
    expect(listed).toMatchObject({ cardType: 'check', updatedAt: '2026-11-02T00:00:01.000Z', issuedByEmail: null });
  });
});
