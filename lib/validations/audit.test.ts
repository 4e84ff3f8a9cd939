import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  auditActionLabel,
  auditFiltersOf,
  auditSearchParams,
  decodeAuditCursor,
  encodeAuditCursor,
  normalizeAuditQuery,
  parseAuditQuery,
  type AuditFilters,
  type AuditQuery,
} from './audit';

const ok = (raw: Record<string, string | string[] | undefined>): AuditQuery => {
  const parsed = parseAuditQuery(raw);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.query;
};
const fieldsOf = (raw: Record<string, string>) => {
  const parsed = parseAuditQuery(raw);
  if (parsed.success) throw new Error('expected a failure');
  return parsed;
};

describe('audit query', () => {
  it('has no filter and 50 a page by default', () => {
    expect(ok({})).toEqual({ limit: 50 });
  });

  it('keeps every filter as given', () => {
    const filters: AuditFilters = {
      action: 'billing_key.issue',
      result: 'denied',
      actor: 'Kim@Example',
      target: 'cust_001',
      ip: '203.0.113.9',
      from: '2026-01-01',
      to: '2026-01-31',
    };
    expect(ok({ ...filters, limit: '200' })).toEqual({ ...filters, limit: 200 });
  });

  it('drops blank fields (an empty GET-form field means "any"), trims, takes the first of a repeat', () => {
    expect(ok({ action: '', result: '  ', actor: ' kim ', target: ['a', 'b'] })).toEqual({
      actor: 'kim',
      target: 'a',
      limit: 50,
    });
    expect(normalizeAuditQuery(new URLSearchParams('ip=1.2.3.4&ip=5.6.7.8&unknown=x'))).toEqual({ ip: '1.2.3.4' });
  });

  it('accepts an action code it has no Korean name for yet, but not any text', () => {
    expect(ok({ action: 'other.thing_2' }).action).toBe('other.thing_2');
    expect(fieldsOf({ action: 'DROP TABLE' }).fields.action).toMatch(/작업\(action\)/);
    expect(fieldsOf({ action: 'billing_key.' }).fields.action).toBeDefined();
  });

  it.each([
    [{ result: 'ok' }, 'result', /결과\(result\) 값은 success, failure, denied 중 하나/],
    [{ from: '2026-02-30' }, 'from', /시작일\(from\)은\(는\) YYYY-MM-DD/],
    [{ to: '31/01/2026' }, 'to', /종료일\(to\)/],
    [{ from: '2026-02-01', to: '2026-01-31' }, 'to', /같거나 뒤/],
    [{ limit: '0' }, 'limit', /1 이상/],
    [{ limit: '201' }, 'limit', /200 이하/],
    [{ limit: 'ten' }, 'limit', /정수/],
    [{ actor: 'x'.repeat(201) }, 'actor', /200자 이하/],
    [{ target: 'a\u0000b' }, 'target', /제어 문자/],
    [{ cursor: 'garbage' }, 'cursor', /페이지 위치\(cursor\)/],
  ])('refuses %j with a message naming %s', (raw, field, message) => {
    const parsed = fieldsOf(raw as Record<string, string>);
    expect(parsed.fields[field as keyof typeof parsed.fields]).toMatch(message);
    expect(parsed.message).toMatch(/^조회 조건이 올바르지 않습니다: /);
  });

  it('round-trips a cursor in both directions and refuses a forged one', () => {
    for (const direction of ['next', 'prev'] as const) {
      const cursor = { direction, at: '2026-01-31T15:05:59.123456Z', id: 42 };
      const encoded = encodeAuditCursor(cursor);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeAuditCursor(encoded)).toEqual(cursor);
      expect(ok({ cursor: encoded }).cursor).toEqual(cursor);
    }
    const forge = (text: string) => btoa(text).replace(/=+$/, '');
    expect(decodeAuditCursor(forge('x_2026-01-31T15:05:59.123456Z_42'))).toBeNull();
    expect(decodeAuditCursor(forge('n_2026-01-31T15:05:59Z_42'))).toBeNull();
    expect(decodeAuditCursor(forge('n_2026-01-31T15:05:59.123456Z_0'))).toBeNull();
    expect(decodeAuditCursor(forge('n_2026-01-31T15:05:59.123456Z_1 or 1=1'))).toBeNull();
    expect(decodeAuditCursor(forge('n_2026-01-31T15:05:59.123456Z_99999999999999999'))).toBeNull();
  });

  it('writes the filter back as a short query string, defaults left out', () => {
    const query = ok({
      action: 'sign_in',
      actor: 'kim',
      limit: '50',
      cursor: encodeAuditCursor({ direction: 'next', at: '2026-01-01T00:00:00.000000Z', id: 1 }),
    });
    const filters = auditFiltersOf(query);
    expect(filters).toEqual({ action: 'sign_in', actor: 'kim' });
    expect(auditSearchParams(filters).toString()).toBe('action=sign_in&actor=kim');
    expect(auditSearchParams(filters, { limit: 20, cursor: 'abc' }).toString()).toBe(
      'action=sign_in&actor=kim&limit=20&cursor=abc',
    );
    expect(auditSearchParams({}, { limit: 50 }).toString()).toBe('');
  });

  it('names every action the app records in Korean, and shows an unknown one as its code', () => {
    for (const action of [
      'sign_in',
      'sign_out',
      'billing_key.issue',
      'billing_key.replace',
      'billing_key.lookup',
      'billing_key.delete',
      'billing_key.acknowledge',
      'billing_keys.export',
      'billing_keys.reconcile',
      'staff.create',
      'staff.update',
      'settings.update',
      'sign_in.challenge',
      'sign_out.everywhere',
      'account.password',
      'account.two_factor',
      'audit.export',
      'qa.run',
    ]) {
      expect(AUDIT_ACTIONS).toContain(action);
      expect(auditActionLabel(action)).toMatch(/[가-힣]/);
    }
    expect(auditActionLabel('other.thing')).toBe('other.thing');
    expect(auditActionLabel('toString')).toBe('toString');
  });
});
