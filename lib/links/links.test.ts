import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit';
import type { DbHandle } from '@/lib/db';
import { authUsers, cardLinks, issueAttempts } from '@/lib/db/schema';
import { createSandbox, DEFAULT_SANDBOX_CHANNELS } from '@/lib/iamport/sandbox';
import type { Actor, RequestContext } from '@/lib/model/staff';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { issueKey, sandboxRuntime, uniqueUid, type TestRuntime } from '@/lib/testing/use-cases';
import { CARDS, markerCardDigits } from '@/e2e/cards';
import { createLink, getLinkDetail, listLinks, revokeLink } from './links';
import { MAX_FAILED_ATTEMPTS, openLink, submitLink } from './public';
import { hashLinkToken } from './token';
import { rejection } from '@/lib/testing/errors';

const LIVE_CHANNEL = {
  pg_provider: 'nice',
  pg_id: 'livemid01',
  sandbox: false,
  type: 'api_payment' as const,
  channel_name: '나이스 실제',
  channel_key: 'channel-key-live-nice',
};

let sequence = 0;
const customer: RequestContext = { actor: null, ip: '203.0.113.7' };

async function staff(db: DbHandle['db'], role: Actor['role']): Promise<RequestContext> {
  const id = `user-${role}-${sequence++}-${Date.now().toString(36)}`;
  const email = `${id}@example.com`;
  await db.insert(authUsers).values({ id, name: role, email, role });
  return { actor: { id, email, role }, ip: '127.0.0.1' };
}

const card = (number: string, extra: Record<string, unknown> = {}) => ({
  consent: true,
  card_number: number,
  expiry: '2030-12',
  ...extra,
});

describe.each(testEngines())('card-registration links on $name', (engine) => {
  let runtime: TestRuntime;
  let agent: RequestContext;
  const origin = 'http://console.test';

  const handle = suiteDatabase(engine, {
    seed: async () => {
      runtime = sandboxRuntime(createSandbox({ channels: [...DEFAULT_SANDBOX_CHANNELS, LIVE_CHANNEL] }));
      agent = await staff(handle.db, 'agent');
    },
  });

  const create = (context: RequestContext, extra: Record<string, unknown> = {}) =>
    createLink(
      { customer_uid: uniqueUid('link'), pg: 'nice.nictest04m', customer_name: '홍길동', ...extra },
      { ...context, origin },
      { db: handle.db, runtime },
    );

  it('keeps only the hash of a 256-bit token and records link.create', async () => {
    const created = await create(agent);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.url).toBe(`${origin}/r/${created.token}`);
    const [row] = await handle.db.select().from(cardLinks).where(eq(cardLinks.id, created.link.id));
    expect(row?.tokenHash).toBe(hashLinkToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.link.status).toBe('active');
    const events = await listAuditEvents(handle.db, { targetId: created.link.id });
    expect(events.map((event) => event.action)).toContain('link.create');
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it('records the first opening; an unknown token reads as expired', async () => {
    const created = await create(agent);
    const page = await openLink(created.token, customer, { db: handle.db });
    expect(page).toMatchObject({ state: 'open', pg: 'nice.nictest04m', testChannel: true });
    await openLink(created.token, customer, { db: handle.db });
    const detail = await getLinkDetail(created.link.id, agent, { db: handle.db });
    expect(detail.link.openedAt).not.toBeNull();
    const events = await listAuditEvents(handle.db, { targetId: created.link.id });
    expect(events.filter((event) => event.action === 'link.open')).toHaveLength(1);
    const guessed = await openLink('A'.repeat(43), customer, { db: handle.db });
    expect(guessed.state).toBe('expired');
    expect(Object.keys(guessed).sort()).toEqual(['merchantName', 'state']);
  });

  it('a rejection is shown to the agent; the card then issues once, as the agent, entered by the customer', async () => {
    const created = await create(agent);
    const declined = await rejection(
      submitLink(created.token, card(CARDS.declined), customer, { db: handle.db, runtime }),
    );
    expect(declined.code).toBe('card_rejected');
    expect(declined.message).toContain('남은 시도: 4회');
    let detail = await getLinkDetail(created.link.id, agent, { db: handle.db });
    expect(detail.attempts.map((attempt) => attempt.outcome)).toEqual(['rejected']);
    expect(detail.link.failedAttempts).toBe(1);

    const marker = markerCardDigits();
    const registered = await submitLink(created.token, card(marker), customer, { db: handle.db, runtime });
    expect(registered.cardNumberMasked).toBeTruthy();
    expect(JSON.stringify(registered)).not.toContain(marker.slice(6, 12));
    detail = await getLinkDetail(created.link.id, agent, { db: handle.db });
    expect(detail.link.status).toBe('used');
    expect(detail.billingKey?.customerUid).toBe(created.link.customerUid);
    expect(detail.attempts.map((attempt) => attempt.outcome)).toEqual(['rejected', 'issued']);
    const attempts = await handle.db.select().from(issueAttempts).where(eq(issueAttempts.linkId, created.link.id));
    expect(attempts.every((attempt) => attempt.enteredBy === 'customer' && attempt.actorId === agent.actor!.id)).toBe(
      true,
    );
    const issuedEvent = (await listAuditEvents(handle.db, { targetId: created.link.customerUid })).find(
      (event) => event.action === 'billing_key.issue' && event.result === 'success',
    );
    expect(issuedEvent?.actorId).toBe(agent.actor!.id);
    expect(issuedEvent?.details).toMatchObject({ enteredBy: 'customer', linkId: created.link.id });

    const again = await rejection(submitLink(created.token, card(CARDS.kbCheck), customer, { db: handle.db, runtime }));
    expect(again.code).toBe('not_found');
    expect((await openLink(created.token, customer, { db: handle.db })).state).toBe('used');

    // The marker card is nowhere in the database.
    const dump = await handle.db.execute(sql`
      select coalesce(string_agg(t::text, ' '), '') as text from (
        select row_to_json(a)::text as t from issue_attempts a union all
        select row_to_json(b)::text from billing_keys b union all
        select row_to_json(c)::text from card_links c union all
        select row_to_json(e)::text from audit_events e union all
        select row_to_json(s)::text from sandbox_keys s
      ) rows`);
    const text = JSON.stringify(dump);
    expect(text).not.toContain(marker);
    expect(text).not.toContain(marker.slice(6, 12));
  });

  it(`locks after ${MAX_FAILED_ATTEMPTS} rejected cards`, async () => {
    const created = await create(agent);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      const error = await rejection(
        submitLink(created.token, card(CARDS.declined), customer, { db: handle.db, runtime }),
      );
      expect(error.code).toBe('card_rejected');
    }
    expect((await openLink(created.token, customer, { db: handle.db })).state).toBe('locked');
    const refused = await rejection(
      submitLink(created.token, card(CARDS.kbCheck), customer, { db: handle.db, runtime }),
    );
    expect(refused.code).toBe('not_found');
  });

  it('validates the card with the shared schema and the consent; nothing counts as an attempt', async () => {
    const created = await create(agent);
    const invalid = await rejection(
      submitLink(created.token, card('1234-5678', { consent: false }), customer, { db: handle.db, runtime }),
    );
    expect(invalid.code).toBe('validation_failed');
    expect(invalid.details.fields?.card_number).toContain('카드번호는 16자리');
    expect(invalid.details.fields?.consent).toContain('동의');
    const detail = await getLinkDetail(created.link.id, agent, { db: handle.db });
    expect(detail.attempts).toHaveLength(0);
    expect(detail.link.status).toBe('active');
  });

  it('limits the submissions to one link, from any address', async () => {
    const created = await create(agent);
    for (let i = 0; i < 20; i++) {
      const from: RequestContext = { actor: null, ip: `198.51.100.${i + 1}` };
      const error = await rejection(submitLink(created.token, card('1234'), from, { db: handle.db, runtime }));
      expect(error.code).toBe('validation_failed');
    }
    const limited = await rejection(
      submitLink(created.token, card(CARDS.kbCheck), { actor: null, ip: '198.51.100.99' }, { db: handle.db, runtime }),
    );
    expect(limited.code).toBe('rate_limited');
  });

  it('expired and revoked links are over', async () => {
    const expired = await createLink(
      { customer_uid: uniqueUid('link'), pg: 'nice.nictest04m' },
      { ...agent, origin: origin },
      { db: handle.db, runtime, now: new Date(Date.now() - 31 * 60_000) },
    );
    expect((await openLink(expired.token, customer, { db: handle.db })).state).toBe('expired');
    expect(
      (await rejection(submitLink(expired.token, card(CARDS.kbCheck), customer, { db: handle.db, runtime }))).code,
    ).toBe('not_found');

    const revoked = await create(agent);
    const other = await staff(handle.db, 'agent');
    expect((await rejection(revokeLink(revoked.link.id, other, { db: handle.db }))).code).toBe('not_found');
    const view = await revokeLink(revoked.link.id, agent, { db: handle.db });
    expect(view.status).toBe('revoked');
    expect((await openLink(revoked.token, customer, { db: handle.db })).state).toBe('revoked');
    const events = await listAuditEvents(handle.db, { targetId: revoked.link.id });
    expect(events.map((event) => event.action)).toContain('link.revoke');
  });

  it('QA sends links on test channels only; the replacement guard runs when the link is made', async () => {
    const qa = await staff(handle.db, 'qa');
    expect((await create(qa)).link.testChannel).toBe(true);
    const live = await rejection(create(qa, { pg: 'nice.livemid01', channel_key: LIVE_CHANNEL.channel_key }));
    expect(live.code).toBe('forbidden');
    const agentLive = await create(agent, { pg: 'nice.livemid01', channel_key: LIVE_CHANNEL.channel_key });
    expect(agentLive.link.testChannel).toBe(false);

    const uid = uniqueUid('held');
    await issueKey(handle.db, runtime, uid);
    const guarded = await rejection(create(agent, { customer_uid: uid }));
    expect(guarded.code).toBe('replacement_unconfirmed');
    const confirmed = await create(agent, { customer_uid: uid, replace_confirmed: true });
    expect(confirmed.link.replaceConfirmed).toBe(true);
  });

  it('agents list their own links; reviewers see all and may not revoke', async () => {
    const own = await create(agent);
    const other = await staff(handle.db, 'agent');
    await create(other);
    const mine = await listLinks({ limit: 100 }, agent, { db: handle.db });
    expect(mine.links.every((link) => link.createdBy === agent.actor!.id)).toBe(true);
    expect(mine.links.map((link) => link.id)).toContain(own.link.id);
    const reviewer = await staff(handle.db, 'reviewer');
    const all = await listLinks({ limit: 100 }, reviewer, { db: handle.db });
    expect(new Set(all.links.map((link) => link.createdBy)).size).toBeGreaterThan(1);
    expect((await rejection(revokeLink(own.link.id, reviewer, { db: handle.db }))).code).toBe('forbidden');
    const active = await listLinks({ limit: 100, status: 'revoked' }, reviewer, { db: handle.db });
    expect(active.links.every((link) => link.status === 'revoked')).toBe(true);
  });

  it('a link left taken by an unknown outcome is used once recovery records the key', async () => {
    const created = await create(agent);
    await submitLink(created.token, card(CARDS.kbCheck), customer, { db: handle.db, runtime });
    // As after an unknown outcome: the link still taken, the attempt settled as issued later.
    await handle.db.update(cardLinks).set({ status: 'issuing', usedAt: null }).where(eq(cardLinks.id, created.link.id));
    const detail = await getLinkDetail(created.link.id, agent, { db: handle.db });
    expect(detail.link.status).toBe('used');
    expect(detail.billingKey).not.toBeNull();
    const again = await rejection(submitLink(created.token, card(CARDS.kbCheck), customer, { db: handle.db, runtime }));
    expect(again.code).toBe('not_found');
  });

  it('refuses the customer when the sender was deactivated', async () => {
    const sender = await staff(handle.db, 'agent');
    const created = await create(sender);
    await handle.db.update(authUsers).set({ deactivatedAt: new Date() }).where(eq(authUsers.id, sender.actor!.id));
    const refused = await rejection(
      submitLink(created.token, card(CARDS.kbCheck), customer, { db: handle.db, runtime }),
    );
    expect(refused.code).toBe('forbidden');
    expect((await openLink(created.token, customer, { db: handle.db })).state).toBe('open');
  });
});
