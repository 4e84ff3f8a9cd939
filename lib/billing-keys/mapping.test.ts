import { describe, expect, it } from 'vitest';
import type { BillingKeyRow } from '@/lib/db/schema';
import type { CustomerAnnotation } from '@/lib/iamport/types';
import { cardTypeOf, storedToView, toBillingKeyView, toListRow, toStoredView } from './mapping';

/** The customer columns, the same in the stored row and in the view. */
const customer = {
  customerId: null,
  customerName: '김민준',
  customerTel: '010-1234-5678',
  customerEmail: null,
  customerAddr: null,
  customerPostcode: null,
};

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
  ...customer,
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
      ...customer,
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

  it('reads a live key through the stored columns: the same view, unknown fields dropped, blanks as null', () => {
    // The stored row's own key, as Iamport answers it: card_type as a string, an email left blank.
    const annotation = {
      customer_uid: row.customerUid,
      pg_provider: row.pgProvider,
      pg_id: row.pgId,
      sandbox: row.sandbox,
      card_name: row.cardName,
      card_code: row.cardCode,
      card_number: row.cardNumberMasked,
      card_type: '1',
      customer_name: '김민준',
      customer_tel: '010-1234-5678',
      customer_email: '',
      customer_addr: null,
      customer_postcode: null,
      inserted: Date.parse('2026-11-01T00:00:00Z') / 1000,
      updated: Date.parse('2026-11-02T00:00:00Z') / 1000,
      something_new: 'from Iamport',
    } as unknown as CustomerAnnotation;
    expect(toBillingKeyView(annotation)).toEqual(storedToView(row));
  });
});
