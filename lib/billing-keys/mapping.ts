import 'server-only';
import type { BillingKeyRow } from '@/lib/db/schema';
import type { CustomerAnnotation } from '@/lib/iamport/types';
import type { BillingKeyView } from '@/lib/model/billing-keys';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const isoFromUnix = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** Whitelists the annotation's fields; anything unknown Iamport adds is dropped, not echoed. */
export function toBillingKeyView(annotation: CustomerAnnotation): BillingKeyView {
  const cardType: unknown = annotation.card_type;
  return {
    customerUid: annotation.customer_uid,
    pgProvider: annotation.pg_provider,
    pgId: annotation.pg_id,
    sandbox: typeof annotation.sandbox === 'boolean' ? annotation.sandbox : null,
    cardName: text(annotation.card_name),
    cardCode: text(annotation.card_code),
    cardNumberMasked: text(annotation.card_number),
    cardType: cardType === 0 || cardType === '0' ? 'credit' : cardType === 1 || cardType === '1' ? 'check' : 'unknown',
    customerId: text(annotation.customer_id),
    customerName: text(annotation.customer_name),
    customerTel: text(annotation.customer_tel),
    customerEmail: text(annotation.customer_email),
    customerAddr: text(annotation.customer_addr),
    customerPostcode: text(annotation.customer_postcode),
    insertedAt: isoFromUnix(annotation.inserted),
    updatedAt: isoFromUnix(annotation.updated),
  };
}

const cardTypeLabel = (value: number | null): BillingKeyView['cardType'] =>
  value === 0 ? 'credit' : value === 1 ? 'check' : 'unknown';

/** A stored row in the same shape as a live key, so both render with one card component. */
export function storedToView(row: BillingKeyRow): BillingKeyView {
  return {
    customerUid: row.customerUid,
    pgProvider: row.pgProvider,
    pgId: row.pgId,
    sandbox: row.sandbox,
    cardName: row.cardName,
    cardCode: row.cardCode,
    cardNumberMasked: row.cardNumberMasked,
    cardType: cardTypeLabel(row.cardType),
    customerId: row.customerId,
    customerName: row.customerName,
    customerTel: row.customerTel,
    customerEmail: row.customerEmail,
    customerAddr: row.customerAddr,
    customerPostcode: row.customerPostcode,
    insertedAt: row.iamportInsertedAt.toISOString(),
    updatedAt: row.iamportUpdatedAt.toISOString(),
  };
}
