import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { authUsers, billingKeys, type NewBillingKeyRow } from '@/lib/db/schema';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { parseBillingKeyFilters, type BillingKeyFilters } from '@/lib/validations/billing-key-filters';
import { escapeLike } from '@/lib/db/sql';
import { listBillingKeyFacets, listBillingKeys, phoneSearchVariants } from './list';

/** A billing-key row with sensible defaults; only what a test cares about is overridden. */
function keyRow(customerUid: string, overrides: Partial<NewBillingKeyRow> = {}): NewBillingKeyRow {
  const at = overrides.issuedAt ?? new Date('2026-01-01T00:00:00Z');
  return {
    customerUid,
    pgProvider: 'nice',
    pgId: 'nictest04m',
    sandbox: true,
    appMode: 'sandbox',
    cardName: 'KB국민카드',
    cardCode: '381',
    cardNumberMasked: '52728927****0004',
    cardLast4: '0004',
    cardType: 1,
    customerName: null,
    customerTel: null,
    customerEmail: null,
    iamportInsertedAt: at,
    iamportUpdatedAt: at,
    issuedAt: at,
    updatedAt: at,
    ...overrides,
  };
}

const ROWS: NewBillingKeyRow[] = [
  keyRow('cust-a-kim', {
    customerName: '김민준',
    customerTel: '010-1234-5678',
    customerEmail: 'minjun.kim@example.com',
    // 2026-01-11 00:30 KST
    issuedAt: new Date('2026-01-10T15:30:00Z'),
    updatedAt: new Date('2026-01-20T00:00:00Z'),
    issuedBy: 'agent-1',
  }),
  keyRow('cust-b-lee', {
    pgProvider: 'kcp',
    pgId: 'BA001',
    sandbox: false,
    appMode: 'live',
    cardName: '신한카드',
    cardCode: '366',
    cardNumberMasked: '451842******0007',
    cardLast4: '0007',
    cardType: 0,
    customerName: '이서연',
    customerId: 'Member-7781',
    customerTel: '01098765432',
    customerEmail: 'SEOYEON.Lee@Example.COM',
    // 2026-01-10 23:59:59 KST
    issuedAt: new Date('2026-01-10T14:59:59Z'),
    updatedAt: new Date('2026-01-12T00:00:00Z'),
    issuedBy: 'agent-2',
  }),
  keyRow('cust-c-park', {
    cardName: '하나카드',
    cardCode: '374',
    cardNumberMasked: '46195400****0000',
    cardLast4: '0000',
    cardType: null,
    customerName: '박지훈',
    status: 'deleted',
    deletedAt: new Date('2026-01-06T00:00:00Z'),
    deleteReason: '고객 요청',
    issuedAt: new Date('2026-01-05T00:00:00Z'),
    updatedAt: new Date('2026-01-06T00:00:00Z'),
  }),
  keyRow('cust-d-none', {
    pgProvider: 'tosspayments',
    pgId: 'tosstest',
    sandbox: null,
    cardName: null,
    // 2026-01-01 00:00 KST exactly
    issuedAt: new Date('2025-12-31T15:00:00Z'),
    updatedAt: new Date('2025-12-31T15:00:00Z'),
  }),
  keyRow('cust_e_pct', {
    customerName: '100%할인',
    customerTel: '02-345-6789',
    issuedAt: new Date('2025-06-01T00:00:00Z'),
  }),
  // Same issued_at as cust-a-kim: the customer_uid breaks the tie.
  keyRow('cust-f-twin', { customerName: '최하은', issuedAt: new Date('2026-01-10T15:30:00Z'), cardLast4: '5678' }),
];

const filters = (query: Record<string, string> = {}): BillingKeyFilters => {
  const parsed = parseBillingKeyFilters(query);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.filters;
};

describe('phone and LIKE helpers', () => {
  it.each([
    ['01012345678', ['010-1234-5678']],
    ['0101234567', ['010-123-4567']],
    ['0212345678', ['02-1234-5678']],
    ['12345678', ['1234-5678']],
    ['010-1234-5678', ['01012345678']],
    ['김민준', []],
    ['123', []],
  ])('phoneSearchVariants(%s) = %j', (q, expected) => {
    expect(phoneSearchVariants(q)).toEqual(expected);
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
});

describe.each(testEngines())('listBillingKeys on $name', (engine) => {
  const uids = async (query: Record<string, string> = {}) =>
    (await listBillingKeys(filters(query), { db: handle.db })).rows.map((row) => row.customerUid);

  const handle = suiteDatabase(engine, {
    seed: async () => {
      await handle.db.insert(billingKeys).values(ROWS);
    },
  });

  it('lists newest first by default, customer_uid breaking ties, with the total', async () => {
    const page = await listBillingKeys(filters(), { db: handle.db });
    expect(page.total).toBe(6);
    expect(page.page).toBe(1);
    expect(page.pageSize).toBe(50);
    expect(page.rows.map((row) => row.customerUid)).toEqual([
      'cust-a-kim',
      'cust-f-twin',
      'cust-b-lee',
      'cust-c-park',
      'cust-d-none',
      'cust_e_pct',
    ]);
  });

  it('returns the typed camelCase row view, masked number only', async () => {
    const [row] = (await listBillingKeys(filters({ q: 'cust-c-park' }), { db: handle.db })).rows;
    expect(row).toEqual({
      customerUid: 'cust-c-park',
      pgProvider: 'nice',
      pgId: 'nictest04m',
      sandbox: true,
      cardName: '하나카드',
      cardCode: '374',
      cardNumberMasked: '46195400****0000',
      cardType: 'unknown',
      customerName: '박지훈',
      customerTel: null,
      customerEmail: null,
      issuedAt: '2026-01-05T00:00:00.000Z',
      updatedAt: '2026-01-06T00:00:00.000Z',
      issuedBy: null,
      issuedByEmail: null,
      status: 'deleted',
      deletedAt: '2026-01-06T00:00:00.000Z',
      deletedBy: null,
      deleteReason: '고객 요청',
    });
  });

  it.each([
    [{ pg: 'kcp' }, ['cust-b-lee']],
    [{ pg: 'nice', mid: 'nictest04m' }, ['cust-a-kim', 'cust-f-twin', 'cust-c-park', 'cust_e_pct']],
    [{ mid: 'tosstest' }, ['cust-d-none']],
    [{ card: '366' }, ['cust-b-lee']],
    [{ card_type: 'credit' }, ['cust-b-lee']],
    [{ card_type: 'check' }, ['cust-a-kim', 'cust-f-twin', 'cust-d-none', 'cust_e_pct']],
    [{ card_type: 'unknown' }, ['cust-c-park']],
    [{ env: 'live' }, ['cust-b-lee']],
    [{ env: 'test' }, ['cust-a-kim', 'cust-f-twin', 'cust-c-park', 'cust_e_pct']],
    [{ status: 'deleted' }, ['cust-c-park']],
    [{ status: 'active', pg: 'nice' }, ['cust-a-kim', 'cust-f-twin', 'cust_e_pct']],
    [{ issued_by: 'agent-2' }, ['cust-b-lee']],
  ])('filters by %j', async (query, expected) => {
    expect(await uids(query)).toEqual(expected);
  });

  it('reads date ranges as whole KST days', async () => {
    expect(await uids({ from: '2026-01-11' })).toEqual(['cust-a-kim', 'cust-f-twin']);
    expect(await uids({ to: '2026-01-10' })).toEqual(['cust-b-lee', 'cust-c-park', 'cust-d-none', 'cust_e_pct']);
    expect(await uids({ from: '2026-01-01', to: '2026-01-01' })).toEqual(['cust-d-none']);
    expect(await uids({ from: '2026-01-02', to: '2026-01-10' })).toEqual(['cust-b-lee', 'cust-c-park']);
  });

  it.each([
    ['uid substring', 'C-PARK', ['cust-c-park']],
    ['Korean name', '서연', ['cust-b-lee']],
    ['full Korean name', '김민준', ['cust-a-kim']],
    ['email, any case', 'seoyeon.lee@example', ['cust-b-lee']],
    ['phone as stored', '1234-5678', ['cust-a-kim']],
    ['phone digits without dashes', '01012345678', ['cust-a-kim']],
    ['phone with dashes against a stored plain number', '010-9876-5432', ['cust-b-lee']],
    ["customer_id (the merchant's own member id), any case", 'member-7781', ['cust-b-lee']],
    ['customer_id, its start (2 characters)', 'Me', ['cust-b-lee']],
    ['last 4 digits of the card', '0007', ['cust-b-lee']],
    ['a pasted masked number, last 4 only', '****0007', ['cust-b-lee']],
    ['a pasted masked number with its first digits', '451842******0007', ['cust-b-lee']],
    ['a masked number with dashes', '4518-42**-****-0007', ['cust-b-lee']],
    ['a masked number whose first digits differ', '52728927****0007', []],
    ['last 4 matching a phone and a card', '5678', ['cust-a-kim', 'cust-f-twin']],
    ['a literal %', '0%할', ['cust_e_pct']],
    ['a literal _', '_e_', ['cust_e_pct']],
    ['a surname (1 character: start of a name)', '김', ['cust-a-kim']],
    ['a given name (2 characters: end of a name)', '하은', ['cust-f-twin']],
    [
      '2 characters at the start of an ID',
      'CU',
      ['cust-a-kim', 'cust-f-twin', 'cust-b-lee', 'cust-c-park', 'cust-d-none', 'cust_e_pct'],
    ],
    ['2 characters only inside a name (not searched)', '민', []],
    ['nothing', 'zzzz-none', []],
  ])('searches by %s', async (_kind, q, expected) => {
    expect(await uids({ q })).toEqual(expected);
  });

  it('sorts by each column, names without a value last in both directions', async () => {
    expect(await uids({ sort: 'customer_name', order: 'asc' })).toEqual([
      'cust_e_pct',
      'cust-a-kim',
      'cust-c-park',
      'cust-b-lee',
      'cust-f-twin',
      'cust-d-none',
    ]);
    expect((await uids({ sort: 'customer_name', order: 'desc' })).slice(0, 2)).toEqual(['cust-f-twin', 'cust-b-lee']);
    expect((await uids({ sort: 'customer_name', order: 'desc' })).at(-1)).toBe('cust-d-none');
    expect((await uids({ sort: 'card_name', order: 'asc' })).at(0)).toBe('cust-a-kim');
    expect((await uids({ sort: 'card_name', order: 'asc' })).at(-1)).toBe('cust-d-none');
    expect((await uids({ sort: 'updated_at' })).slice(0, 2)).toEqual(['cust-a-kim', 'cust-b-lee']);
    expect(await uids({ sort: 'customer_uid', order: 'asc' })).toEqual([...(await uids())].sort());
    expect(await uids({ sort: 'issued_at', order: 'asc' })).toEqual([...(await uids())].reverse());
  });

  it('pages with the total of the whole filter', async () => {
    const second = await listBillingKeys(filters({ page: '2', page_size: '4' }), { db: handle.db });
    expect(second.total).toBe(6);
    expect(second.rows.map((row) => row.customerUid)).toEqual(['cust-d-none', 'cust_e_pct']);
    const beyond = await listBillingKeys(filters({ page: '3', page_size: '4' }), { db: handle.db });
    expect(beyond).toMatchObject({ rows: [], total: 6, totalCapped: false, page: 3 });
  });

  it('stops counting at the cap and says so', async () => {
    expect(await listBillingKeys(filters(), { db: handle.db, countCap: 4 })).toMatchObject({
      total: 4,
      totalCapped: true,
    });
    expect(await listBillingKeys(filters(), { db: handle.db, countCap: 6 })).toMatchObject({
      total: 6,
      totalCapped: false,
    });
    expect(await listBillingKeys(filters({ pg: 'kcp' }), { db: handle.db, countCap: 4 })).toMatchObject({
      total: 1,
      totalCapped: false,
    });
  });

  it('names the issuer by the email of their staff account', async () => {
    await handle.db
      .insert(authUsers)
      .values({ id: 'agent-1', name: '상담원', email: 'agent.one@example.com', role: 'agent' });
    const rows = (await listBillingKeys(filters({ issued_by: 'agent-1' }), { db: handle.db })).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.issuedByEmail))).toEqual(new Set(['agent.one@example.com']));
    const facets = await listBillingKeyFacets({ db: handle.db });
    expect(facets.issuers).toContainEqual({ id: 'agent-1', email: 'agent.one@example.com' });
    await handle.db.delete(authUsers).where(eq(authUsers.id, 'agent-1'));
  });

  it('offers the PGs with their MIDs, the card companies and the issuers present', async () => {
    const facets = await listBillingKeyFacets({ db: handle.db });
    expect(facets.providers).toEqual([
      { pgProvider: 'kcp', mids: ['BA001'] },
      { pgProvider: 'nice', mids: ['nictest04m'] },
      { pgProvider: 'tosspayments', mids: ['tosstest'] },
    ]);
    expect(facets.cards).toEqual([
      { code: '366', name: '신한카드' },
      { code: '374', name: '하나카드' },
      { code: '381', name: 'KB국민카드' },
    ]);
    // No staff accounts in this database: the ids stand, without an email.
    expect(facets.issuers).toEqual([
      { id: 'agent-1', email: null },
      { id: 'agent-2', email: null },
    ]);
  });
});
