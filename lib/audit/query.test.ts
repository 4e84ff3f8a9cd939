import { describe, expect, it } from 'vitest';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { AppError } from '@/lib/errors';
import { parseAuditQuery, type AuditQuery } from '@/lib/validations/audit';
import { auditQueryFromUrl, listAuditTrail } from './query';
import { SEEDS_NEWEST_FIRST, seedAuditEvents, type SeedName } from '@/lib/testing/audit';

const query = (raw: Record<string, string> = {}): AuditQuery => {
  const parsed = parseAuditQuery(raw);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.query;
};

describe('auditQueryFromUrl', () => {
  it('answers 422 invalid_query naming the bad parameter', () => {
    let caught: unknown;
    try {
      auditQueryFromUrl('http://x/api/audit?result=maybe');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({
      code: 'invalid_query',
      status: 422,
      details: { fields: { result: expect.stringMatching(/결과/) } },
    });
  });
});

describe.each(testEngines())('audit trail on $name', (engine) => {
  let ids: Record<SeedName, number>;
  const nameOf = (id: number) => (Object.entries(ids).find(([, value]) => value === id)?.[0] ?? `#${id}`) as SeedName;

  const handle = suiteDatabase(engine, {
    seed: async () => {
      ids = await seedAuditEvents(handle.db);
    },
  });

  const listed = async (raw: Record<string, string>) =>
    (await listAuditTrail(query({ limit: '200', ...raw }), { db: handle.db })).events.map((event) => nameOf(event.id));

  it('lists every event newest first, ties by the higher id, microseconds kept apart', async () => {
    expect(await listed({})).toEqual(SEEDS_NEWEST_FIRST);
  });

  it('returns an event with its target, IP, result and details as stored', async () => {
    const page = await listAuditTrail(query({ target: 'cust_002' }), { db: handle.db });
    expect(page.events).toEqual([
      {
        id: ids.systemRecovery,
        at: '2026-02-01T03:00:00.000Z',
        actorId: null,
        actorEmail: null,
        action: 'billing_key.issue',
        targetType: 'billing_key',
        targetId: 'cust_002',
        ip: null,
        result: 'success',
        details: { resolvedBy: 'lookup', cardNumberMasked: '451842******0007' },
        targetStaff: null,
      },
    ]);
    expect(page).toMatchObject({ nextCursor: null, prevCursor: null });
  });

  it('names a staff target by its account: email and name; a staff id no account has, and other targets, by nothing', async () => {
    const events = (await listAuditTrail(query({ limit: '200' }), { db: handle.db })).events;
    const targetOf = (name: SeedName) => events.find((event) => event.id === ids[name])?.targetStaff;
    expect(targetOf('staffUpdate')).toEqual({ email: 'kim.agent@example.com', name: '김상담' });
    expect(targetOf('adminSignIn')).toEqual({ email: 'admin1000@example.com', name: '관리자' });
    expect(targetOf('anonymousSetup')).toBeNull();
    expect(targetOf('kimIssue')).toBeNull();
    expect(targetOf('settingsUpdate')).toBeNull();
    // A later page names its staff targets too.
    const page = await listAuditTrail(query({ limit: '1', target: 'u-kim' }), { db: handle.db });
    expect(page.events[0]?.targetStaff).toEqual({ email: 'kim.agent@example.com', name: '김상담' });
  });

  it('filters by action', async () => {
    expect(await listed({ action: 'billing_key.issue' })).toEqual(['systemRecovery', 'kimIssue']);
    expect(await listed({ action: 'sign_in' })).toEqual(['formulaSignIn', 'adminSignIn']);
    expect(await listed({ action: 'other.thing' })).toEqual([]);
  });

  it('filters by result', async () => {
    expect(await listed({ result: 'denied' })).toEqual(['formulaSignIn']);
    expect(await listed({ result: 'failure' })).toEqual(['reviewerDelete']);
    expect((await listed({ result: 'success' })).length).toBe(7);
  });

  it('filters by a case-insensitive part of the actor email, % and _ matching themselves', async () => {
    expect(await listed({ actor: 'kim.agent@example' })).toEqual(['prefixLookup', 'kimIssue']);
    expect(await listed({ actor: 'ADMIN1000' })).toEqual(['settingsUpdate', 'staffUpdate', 'adminSignIn']);
    // Unescaped, `100%` would also match admin1000@…; `_` would match any character.
    expect(await listed({ actor: '100%' })).toEqual(['reviewerDelete']);
    expect(await listed({ actor: '%_real' })).toEqual(['reviewerDelete']);
    expect(await listed({ actor: 'n_agent' })).toEqual([]);
  });

  it('filters by the exact target (a customer_uid or a staff id), not a prefix', async () => {
    expect(await listed({ target: 'cust_001' })).toEqual(['reviewerDelete', 'kimIssue']);
    expect(await listed({ target: 'cust_0010' })).toEqual(['prefixLookup']);
    expect(await listed({ target: 'u-kim' })).toEqual(['staffUpdate']);
    expect(await listed({ target: 'cust_00' })).toEqual([]);
  });

  it('filters by the exact IP', async () => {
    expect(await listed({ ip: '203.0.113.2' })).toEqual(['prefixLookup', 'kimIssue']);
    expect(await listed({ ip: '203.0.113' })).toEqual([]);
  });

  it('filters by KST dates, each day whole', async () => {
    // kimIssue is 23:59:59.999 on the 31st in Seoul, reviewerDelete 00:00 on the 1st.
    expect(await listed({ to: '2026-01-31' })).toEqual(['kimIssue', 'adminSignIn', 'anonymousSetup']);
    expect(await listed({ from: '2026-02-01' })).toEqual(SEEDS_NEWEST_FIRST.slice(0, 6));
    expect(await listed({ from: '2026-01-31', to: '2026-01-31' })).toEqual(['kimIssue']);
    expect(await listed({ from: '2026-02-01', to: '2026-02-01' })).toEqual([
      'formulaSignIn',
      'systemRecovery',
      'reviewerDelete',
    ]);
    expect(await listed({ from: '2026-03-01' })).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await listed({ action: 'billing_key.issue', target: 'cust_001' })).toEqual(['kimIssue']);
    expect(await listed({ actor: 'kim', from: '2026-02-01' })).toEqual(['prefixLookup']);
  });

  it.each([1, 2, 3, 4, 8, 9, 10])(
    'pages forward and back by keyset, %i a page, without skipping or repeating',
    async (limit) => {
      const forward: SeedName[][] = [];
      const cursors: (string | null)[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page = await listAuditTrail(query({ limit: String(limit), ...(cursor ? { cursor } : {}) }), {
          db: handle.db,
        });
        expect(page.events.length).toBeLessThanOrEqual(limit);
        expect(page.prevCursor === null).toBe(i === 0);
        forward.push(page.events.map((event) => nameOf(event.id)));
        cursors.push(page.prevCursor);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(forward.flat()).toEqual(SEEDS_NEWEST_FIRST);
      expect(forward.length).toBe(Math.ceil(SEEDS_NEWEST_FIRST.length / limit));

      // Back from the last page with "이전" until the first: the same pages in reverse.
      const backward: SeedName[][] = [];
      let prev = cursors.at(-1) ?? null;
      while (prev) {
        const page = await listAuditTrail(query({ limit: String(limit), cursor: prev }), { db: handle.db });
        backward.unshift(page.events.map((event) => nameOf(event.id)));
        expect(page.nextCursor).not.toBeNull();
        prev = page.prevCursor;
        if (backward.length > 20) break;
      }
      expect(backward).toEqual(forward.slice(0, -1));
    },
  );

  it('keeps to the filter across pages', async () => {
    const first = await listAuditTrail(query({ actor: 'admin1000', limit: '2' }), { db: handle.db });
    expect(first.events.map((event) => nameOf(event.id))).toEqual(['settingsUpdate', 'staffUpdate']);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAuditTrail(query({ actor: 'admin1000', limit: '2', cursor: first.nextCursor ?? '' }), {
      db: handle.db,
    });
    expect(second.events.map((event) => nameOf(event.id))).toEqual(['adminSignIn']);
    expect(second.nextCursor).toBeNull();
    expect(second.prevCursor).not.toBeNull();
  });

  it('shows a full first page when "이전" has fewer than a page of newer events left', async () => {
    const first = await listAuditTrail(query({ limit: '4' }), { db: handle.db });
    const second = await listAuditTrail(query({ limit: '4', cursor: first.nextCursor ?? '' }), { db: handle.db });
    const third = await listAuditTrail(query({ limit: '4', cursor: second.nextCursor ?? '' }), { db: handle.db });
    expect(third.events.map((event) => nameOf(event.id))).toEqual(['anonymousSetup']);
    // Back from the middle page of 4: only 4 newer, so the first page (no 이전) comes back whole.
    const back = await listAuditTrail(query({ limit: '4', cursor: second.prevCursor ?? '' }), { db: handle.db });
    expect(back.events.map((event) => nameOf(event.id))).toEqual(SEEDS_NEWEST_FIRST.slice(0, 4));
    expect(back.prevCursor).toBeNull();
  });
});
