import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { auditEvents, authUsers } from '@/lib/db/schema';

type Seed = Omit<typeof auditEvents.$inferInsert, 'id'> & { at: Date };

/**
 * Nine events covering every filter: KST day edges, equal times (ties broken by id), times a
 * microsecond apart, a system event (no actor, no IP), an anonymous one (no actor, an IP), a
 * formula typed as an email, a `%` in an email and targets that are prefixes of each other.
 */
export const AUDIT_SEEDS = {
  anonymousSetup: {
    at: new Date('2026-01-29T00:00:00Z'),
    action: 'staff.create',
    result: 'success',
    targetType: 'staff',
    targetId: 'u-first',
    ip: '198.51.100.8',
    details: { via: 'setup', email: 'first@example.com', role: 'admin' },
  },
  adminSignIn: {
    at: new Date('2026-01-30T01:00:00Z'),
    actorId: 'u-admin',
    actorEmail: 'admin1000@example.com',
    action: 'sign_in',
    result: 'success',
    targetType: 'staff',
    targetId: 'u-admin',
    ip: '203.0.113.1',
    details: { method: 'password' },
  },
  /** 2026-01-31 23:59:59.999 KST: the last instant of the 31st in Seoul. */
  kimIssue: {
    at: new Date('2026-01-31T14:59:59.999Z'),
    actorId: 'u-kim',
    actorEmail: 'Kim.Agent@Example.com',
    action: 'billing_key.issue',
    result: 'success',
    targetType: 'billing_key',
    targetId: 'cust_001',
    ip: '203.0.113.2',
    details: { pgProvider: 'nice', cardNumberMasked: '527289******0004' },
  },
  /** 2026-02-01 00:00 KST. */
  reviewerDelete: {
    at: new Date('2026-01-31T15:00:00Z'),
    actorId: 'u-rev',
    actorEmail: '100%_real@example.com',
    action: 'billing_key.delete',
    result: 'failure',
    targetType: 'billing_key',
    targetId: 'cust_001',
    ip: '203.0.113.3',
    details: { reason: '고객 요청, "해지"', error: 'upstream_unavailable' },
  },
  systemRecovery: {
    at: new Date('2026-02-01T03:00:00Z'),
    action: 'billing_key.issue',
    result: 'success',
    targetType: 'billing_key',
    targetId: 'cust_002',
    details: { resolvedBy: 'lookup', cardNumberMasked: '451842******0007' },
  },
  /** Same time as systemRecovery: the higher id comes first. */
  formulaSignIn: {
    at: new Date('2026-02-01T03:00:00Z'),
    actorEmail: '=HYPERLINK("http://evil")',
    action: 'sign_in',
    result: 'denied',
    ip: '198.51.100.7',
    details: { reason: 'rate_limited', retryAfterSeconds: 60 },
  },
  staffUpdate: {
    at: new Date('2026-02-02T00:00:00Z'),
    actorId: 'u-admin',
    actorEmail: 'admin1000@example.com',
    action: 'staff.update',
    result: 'success',
    targetType: 'staff',
    targetId: 'u-kim',
    ip: '203.0.113.1',
    details: { email: 'kim.agent@example.com', role: { from: 'agent', to: 'reviewer' } },
  },
  /** One microsecond after staffUpdate (set in SQL: a JS Date has milliseconds only). */
  settingsUpdate: {
    at: new Date('2026-02-02T00:00:00Z'),
    actorId: 'u-admin',
    actorEmail: 'admin1000@example.com',
    action: 'settings.update',
    result: 'success',
    targetType: 'setting',
    targetId: 'require_two_factor',
    ip: '203.0.113.1',
    details: { from: false, to: true },
  },
  prefixLookup: {
    at: new Date('2026-02-03T00:00:00Z'),
    actorId: 'u-kim',
    actorEmail: 'Kim.Agent@Example.com',
    action: 'billing_key.lookup',
    result: 'success',
    targetType: 'billing_key',
    targetId: 'cust_0010',
    ip: '203.0.113.2',
    details: { liveStatus: 'present', differences: [] },
  },
} satisfies Record<string, Seed>;
export type SeedName = keyof typeof AUDIT_SEEDS;

/** Newest first, as the trail shows them. */
export const SEEDS_NEWEST_FIRST: SeedName[] = [
  'prefixLookup',
  'settingsUpdate',
  'staffUpdate',
  'formulaSignIn',
  'systemRecovery',
  'reviewerDelete',
  'kimIssue',
  'adminSignIn',
  'anonymousSetup',
];

/**
 * The staff accounts two seeded staff targets name (u-kim, u-admin); `u-first`, the setup's target,
 * has none, as an account removed from the database.
 */
export const AUDIT_STAFF = [
  { id: 'u-kim', name: '김상담', email: 'kim.agent@example.com', role: 'agent' },
  { id: 'u-admin', name: '관리자', email: 'admin1000@example.com', role: 'admin' },
] as const satisfies (typeof authUsers.$inferInsert)[];

/** Inserts the staff accounts, then the seeds one by one (so ids follow the listed order) and returns each one's id. */
export async function seedAuditEvents(db: Db): Promise<Record<SeedName, number>> {
  await db.insert(authUsers).values([...AUDIT_STAFF]);
  const ids = {} as Record<SeedName, number>;
  for (const [name, seed] of Object.entries(AUDIT_SEEDS) as [SeedName, Seed][]) {
    const [row] = await db.insert(auditEvents).values(seed).returning({ id: auditEvents.id });
    if (!row) throw new Error(`seed ${name} not inserted`);
    ids[name] = row.id;
  }
  await db
    .update(auditEvents)
    .set({ at: sql`${'2026-02-02 00:00:00.000001+00'}::timestamptz` })
    .where(eq(auditEvents.id, ids.settingsUpdate));
  return ids;
}

/**
 * The database as it is when audit events cannot be written (a full disk, a dropped grant, a value
 * the index refuses): every insert into `audit_events` fails; everything else works.
 */
export function withFailingAudit(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'insert') {
        return (table: unknown) => {
          if (table === auditEvents) throw new Error('audit_events: insert refused (test)');
          return target.insert(table as typeof auditEvents);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
