import { randomUUID } from 'node:crypto';
import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { type Role } from '@/lib/validations/auth';
import { CARDS } from './cards';
import { E2E } from './ports';

/**
 * Two instances of the app (live mode, the standalone sandbox as Iamport) on one PostgreSQL
 * database, as behind a load balancer: a session made on one works on the other, an idempotency
 * key and a customer_uid are honoured across both, and both list the same keys. The servers are
 * in playwright.config.ts and exist only with TEST_DATABASE_URL.
 */
test.skip(
  !process.env.TEST_DATABASE_URL,
  'Scale-out needs PostgreSQL for the two instances to share: set TEST_DATABASE_URL (CI does), e.g. postgres://postgres@127.0.0.1:5432/test',
);

const A = E2E.scaleAUrl;
const B = E2E.scaleBUrl;

const contexts: APIRequestContext[] = [];
test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.dispose()));
});

type Cookie = Awaited<ReturnType<APIRequestContext['storageState']>>['cookies'][number];

/** Signs in on one instance; answers its session cookie. */
async function signIn(baseURL: string, role: Role): Promise<Cookie> {
  // Empty jar: the project's default storage state holds the other apps' cookies.
  const context = await request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  contexts.push(context);
  const response = await context.post('/api/auth/sign-in/email', {
    data: { email: E2E.staffEmail(role), password: E2E.staffPassword },
    headers: { origin: baseURL },
  });
  expect(response.status(), `${role} on ${baseURL}: ${await response.text()}`).toBe(200);
  const host = new URL(baseURL).hostname;
  const cookie = (await context.storageState()).cookies.find(
    (entry) => entry.name === 'bk.session_token' && entry.domain === host,
  );
  expect(cookie, 'session cookie').toBeTruthy();
  return cookie!;
}

/** A client of one instance carrying a session cookie made on either (moved to this host, as a shared domain would). */
async function client(baseURL: string, cookie: Cookie): Promise<APIRequestContext> {
  const context = await request.newContext({
    baseURL,
    storageState: { cookies: [{ ...cookie, domain: new URL(baseURL).hostname }], origins: [] },
  });
  contexts.push(context);
  return context;
}

const uid = (label: string) => `scale_${label}_${Date.now().toString(36)}_${randomUUID().slice(0, 8)}`;

async function issueCalls(customerUid: string): Promise<number> {
  const sandbox = await request.newContext();
  contexts.push(sandbox);
  const response = await sandbox.get(`${E2E.sandboxUrl}/__sandbox/calls/${encodeURIComponent(customerUid)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { calls: { issue?: number } }).calls.issue ?? 0;
}

const body = (customerUid: string, idempotencyKey: string) => ({
  customer_uid: customerUid,
  pg: 'nice',
  card_number: CARDS.kbCheck,
  expiry: '2030-12',
  idempotency_key: idempotencyKey,
});

async function json<T>(response: APIResponse): Promise<T> {
  return (await response.json()) as T;
}

test('[SCALE] a session made on one instance is valid on the other, and signing out on one ends it on both', async () => {
  const adminFromA = await signIn(A, 'admin');
  const onB = await client(B, adminFromA);
  const accountOnB = await onB.get('/api/account');
  expect(accountOnB.status()).toBe(200);
  expect((await json<{ actor: { role: string; email: string } }>(accountOnB)).actor).toMatchObject({
    role: 'admin',
    email: E2E.staffEmail('admin'),
  });

  const agentFromB = await signIn(B, 'agent');
  const agentOnA = await client(A, agentFromB);
  expect((await json<{ actor: { role: string } }>(await agentOnA.get('/api/account'))).actor.role).toBe('agent');

  const signOut = await agentOnA.post('/api/auth/sign-out', { data: {}, headers: { origin: A } });
  expect(signOut.status(), await signOut.text()).toBe(200);
  const agentOnB = await client(B, agentFromB);
  expect((await agentOnB.get('/api/account')).status()).toBe(401);
});

test('[SCALE] the same idempotency_key sent to both instances at once is issued once', async () => {
  const cookie = await signIn(A, 'agent');
  const [onA, onB] = await Promise.all([client(A, cookie), client(B, cookie)]);
  const customerUid = uid('idem');
  const sent = body(customerUid, randomUUID());
  const answers = await Promise.all([
    onA.post('/api/billing-keys', { data: sent }),
    onB.post('/api/billing-keys', { data: sent }),
  ]);
  const results = await Promise.all(
    answers.map((answer) => json<{ billingKey: { customerUid: string; cardNumberMasked: string } }>(answer)),
  );
  expect(
    answers.map((answer) => answer.status()),
    JSON.stringify(results),
  ).toEqual([201, 201]);
  // Both get the one key: the second answer is the first one's, replayed.
  expect(results[0]!.billingKey.customerUid).toBe(customerUid);
  expect(results[1]!.billingKey.customerUid).toBe(customerUid);
  expect(results[1]!.billingKey.cardNumberMasked).toBe(results[0]!.billingKey.cardNumberMasked);
  expect(await issueCalls(customerUid)).toBe(1);
});

test('[SCALE] two different idempotency keys for one customer_uid at once: one issuance, the other 409', async () => {
  const cookie = await signIn(B, 'agent');
  const [onA, onB] = await Promise.all([client(A, cookie), client(B, cookie)]);
  const customerUid = uid('race');
  const answers = await Promise.all([
    onA.post('/api/billing-keys', { data: body(customerUid, randomUUID()) }),
    onB.post('/api/billing-keys', { data: body(customerUid, randomUUID()) }),
  ]);
  const statuses = answers.map((answer) => answer.status());
  expect([...statuses].sort(), await Promise.all(answers.map((answer) => answer.text())).then(String)).toEqual([
    201, 409,
  ]);
  const refused = answers[statuses.indexOf(409)]!;
  expect((await json<{ error: { code: string } }>(refused)).error.code).toMatch(
    /^(replacement_unconfirmed|issuance_in_progress)$/,
  );
  expect(await issueCalls(customerUid)).toBe(1);
});

test('[SCALE] both instances list the same keys', async () => {
  const cookie = await signIn(A, 'admin');
  const [onA, onB] = await Promise.all([client(A, cookie), client(B, cookie)]);
  const prefix = uid('list');
  const issued: string[] = [];
  for (const [index, instance] of [onA, onB, onA, onB].entries()) {
    const customerUid = `${prefix}_${index}`;
    const answer = await instance.post('/api/billing-keys', { data: body(customerUid, randomUUID()) });
    expect(answer.status(), await answer.text()).toBe(201);
    issued.push(customerUid);
  }
  type List = { rows: { customerUid: string }[]; total: number };
  const query = `/api/billing-keys?q=${encodeURIComponent(prefix)}&sort=customer_uid&order=asc`;
  const [listA, listB] = await Promise.all([onA.get(query), onB.get(query)]);
  expect(listA.status()).toBe(200);
  expect(listB.status()).toBe(200);
  const [rowsA, rowsB] = [await json<List>(listA), await json<List>(listB)];
  expect(rowsA.rows.map((row) => row.customerUid)).toEqual(issued);
  expect(rowsB).toEqual(rowsA);
});
