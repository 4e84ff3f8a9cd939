import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IamportClient } from '../client';
import {
  IamportNotFoundError,
  IamportRejectedError,
  IamportTimeoutError,
  IamportUnauthorizedError,
  IamportUnavailableError,
} from '../errors';
import type { CustomerAnnotation, IamportEnvelope } from '../types';
import { DEFAULT_CHANNEL_GROUP_ID, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET, type SandboxOptions } from './index';
import { freePort } from '@/lib/free-port';
import {
  httpToken,
  rawRequest,
  runSandboxScript,
  servedSandboxes,
  waitForListening,
  type ScriptRun,
} from '@/lib/testing/sandbox-http';
import { CARDS } from '@/lib/testing/sandbox';

const serveOne = servedSandboxes();

async function serve(options: SandboxOptions = {}) {
  const { sandbox, url } = await serveOne(options);
  const client = (extra: Partial<ConstructorParameters<typeof IamportClient>[0]> = {}) =>
    new IamportClient({
      baseUrl: url,
      impKey: SANDBOX_IMP_KEY,
      impSecret: SANDBOX_IMP_SECRET,
      retryDelayMs: 0,
      ...extra,
    });
  return { sandbox, url, client };
}

const card = (number: string, extra: Record<string, string> = {}) => ({
  card_number: number,
  expiry: '2030-12',
  ...extra,
});

async function issueRaw(url: string, uid: string, body: Record<string, string>, token?: string) {
  return rawRequest(`${url}/subscribe/customers/${encodeURIComponent(uid)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? (await httpToken(url))}` },
    body: JSON.stringify(body),
  });
}

describe('the sandbox over real HTTP (serveSandbox)', () => {
  it('serves the app client end to end: issue, get, multi-get 207, payments, channels, delete', async () => {
    const { url, client } = await serve();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const api = client();
    const issued = await api.issueBillingKey('h-1', card(CARDS.kbCheck, { pg: 'nice' }));
    expect(issued).toMatchObject({ customer_uid: 'h-1', pg_provider: 'nice', card_number: '52728900****0004' });
    expect(await api.getBillingKey('h-1')).toEqual(issued);
    expect(await api.getBillingKeys(['h-1', 'missing'])).toEqual({ found: [issued], missing: ['missing'] });
    expect(await api.listPayments('h-1')).toEqual({ total: 0, previous: 0, next: 0, list: [] });
    expect((await api.listChannels()).length).toBeGreaterThan(0);
    expect(await api.deleteBillingKey('h-1', { reason: '테스트' })).toEqual(issued);
    await expect(api.getBillingKey('h-1')).rejects.toBeInstanceOf(IamportNotFoundError);
  });

  it('getToken: JSON or form body, one shared token, +300 s in its last minute, 401 envelope on a wrong pair', async () => {
    let now = Date.UTC(2026, 0, 15, 3, 0, 0);
    const { url } = await serve({ clock: () => now });
    const getToken = async (body: string, type: string) => {
      const res = await fetch(`${url}/users/getToken`, { method: 'POST', headers: { 'content-type': type }, body });
      return { status: res.status, body: (await res.json()) as IamportEnvelope<Record<string, number | string>> };
    };
    const json = await getToken(
      JSON.stringify({ imp_key: SANDBOX_IMP_KEY, imp_secret: SANDBOX_IMP_SECRET }),
      'application/json',
    );
    const form = await getToken(
      `imp_key=${SANDBOX_IMP_KEY}&imp_secret=${SANDBOX_IMP_SECRET}`,
      'application/x-www-form-urlencoded',
    );
    expect(json.status).toBe(200);
    expect(form.body.response!.access_token).toBe(json.body.response!.access_token);
    const expiredAt = json.body.response!.expired_at as number;
    expect(expiredAt - (json.body.response!.now as number)).toBe(1800);

    now += 1750 * 1000; // 50 s left
    const extended = await getToken(
      `imp_key=${SANDBOX_IMP_KEY}&imp_secret=${SANDBOX_IMP_SECRET}`,
      'application/x-www-form-urlencoded',
    );
    expect(extended.body.response!.access_token).toBe(json.body.response!.access_token);
    expect(extended.body.response!.expired_at).toBe(expiredAt + 300);

    const wrong = await getToken(JSON.stringify({ imp_key: SANDBOX_IMP_KEY, imp_secret: 'nope' }), 'application/json');
    expect(wrong).toEqual({
      status: 401,
      body: { code: -1, message: '인증에 실패하였습니다. API키와 secret을 확인하세요.', response: null },
    });
  });

  it('accepts the three token header forms, Authorization winning, and partitions keys by Tier', async () => {
    const { url } = await serve();
    const token = await httpToken(url);
    const status = async (headers: Record<string, string>) => (await rawRequest(`${url}/users/pg`, { headers })).status;
    expect(await status({ authorization: `Bearer ${token}` })).toBe(200);
    expect(await status({ authorization: token })).toBe(200);
    expect(await status({ 'x-imptokenheader': token })).toBe(200);
    expect(await status({ authorization: 'Bearer wrong', 'x-imptokenheader': token })).toBe(401);
    expect(await status({ authorization: `Bearer ${token}`, 'x-imptokenheader': 'wrong' })).toBe(200);
    expect(await status({})).toBe(401);

    const issued = await issueRaw(url, 'tiered', card(CARDS.kbCheck), token);
    expect(issued.status).toBe(200);
    const inTier = await rawRequest(`${url}/subscribe/customers/tiered`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: token, tier: 'AB1' },
      body: JSON.stringify(card(CARDS.shinhan)),
    });
    expect(JSON.parse(inTier.body).response.card_code).toBe('366');
    const read = async (tier?: string) => {
      const res = await rawRequest(`${url}/subscribe/customers/tiered`, {
        headers: { authorization: token, ...(tier ? { tier } : {}) },
      });
      return res.status === 200
        ? (JSON.parse(res.body) as IamportEnvelope<CustomerAnnotation>).response!.card_code
        : res.status;
    };
    expect(await read()).toBe('381');
    expect(await read('AB1')).toBe('366');
    expect(await read('XY2')).toBe(404);
    expect(await read('TOOLONG')).toBe(401);
  });

  it('answers not-found with 404 or 200 (switchable), and the client accepts both', async () => {
    const { url, client, sandbox } = await serve();
    const token = await httpToken(url);
    const notFound = await rawRequest(`${url}/subscribe/customers/nobody`, { headers: { authorization: token } });
    expect(notFound.status).toBe(404);
    const message = '요청하신 customer_uid(nobody)로 등록된 정보를 찾을 수 없습니다.';
    expect(JSON.parse(notFound.body)).toEqual({ code: 1, message, response: null });
    await expect(client().getBillingKey('nobody')).rejects.toBeInstanceOf(IamportNotFoundError);

    const config = await rawRequest(`${url}/__sandbox/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notFoundStatus: 200 }),
    });
    expect(config.status).toBe(200);
    const as200 = await rawRequest(`${url}/subscribe/customers/nobody`, { headers: { authorization: token } });
    expect(as200.status).toBe(200);
    expect(JSON.parse(as200.body)).toEqual({ code: 1, message, response: null });
    await expect(client().getBillingKey('nobody')).rejects.toBeInstanceOf(IamportNotFoundError);
    sandbox.setNotFoundStatus(404);
    expect((await rawRequest(`${url}/subscribe/customers/nobody`, { headers: { authorization: token } })).status).toBe(
      404,
    );
  });

  it('issues with channel_group_id over HTTP', async () => {
    const { url } = await serve();
    const res = await issueRaw(
      url,
      'group-1',
      card(CARDS.kbCheck, { channel_group_id: DEFAULT_CHANNEL_GROUP_ID, customer_id: 'b' }),
    );
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body) as IamportEnvelope<{ channelGroupId: string; succeededChannels: unknown[] }>;
    expect(body.response!.channelGroupId).toBe(DEFAULT_CHANNEL_GROUP_ID);
    expect(body.response!.succeededChannels).toHaveLength(3);
  });
});

describe('failure cards reach a real HTTP client as the failure they stand for', () => {
  it('slow: the client times out with an unknown outcome, and the key exists afterwards', async () => {
    const { url, client, sandbox } = await serve({ slowMs: 1_000 });
    const started = performance.now();
    const error = await client({ issueTimeoutMs: 200 })
      .issueBillingKey('slow-1', card(CARDS.slow))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IamportTimeoutError);
    expect((error as IamportTimeoutError).outcomeUnknown).toBe(true);
    expect(performance.now() - started).toBeLessThan(900);
    // The PG goes on after the caller hung up (the sandbox finishes early once the socket closes).
    await expect.poll(() => sandbox.admin.getKey('slow-1'), { timeout: 5_000 }).toBeDefined();

    // A patient client gets the key after the delay.
    const patientStart = performance.now();
    const res = await issueRaw(url, 'slow-2', card(CARDS.slow));
    expect(performance.now() - patientStart).toBeGreaterThanOrEqual(950);
    expect(JSON.parse(res.body).code).toBe(0);
  });

  it('http_500: a 500 envelope; the client reports Iamport unavailable and no key exists', async () => {
    const { url, client, sandbox } = await serve();
    const raw = await issueRaw(url, 'e500', card(CARDS.http500));
    expect(raw.status).toBe(500);
    expect(JSON.parse(raw.body)).toEqual({ code: -1, message: 'Internal Server Error', response: null });
    const error = await client()
      .issueBillingKey('e500', card(CARDS.http500))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IamportUnavailableError);
    expect((error as IamportUnavailableError).httpStatus).toBe(500);
    expect(await sandbox.admin.getKey('e500')).toBeUndefined();
  });

  it('html_error: an HTML 502 page, never mistaken for an answer', async () => {
    const { url, client } = await serve();
    const raw = await issueRaw(url, 'html', card(CARDS.htmlError));
    expect(raw.status).toBe(502);
    expect(raw.contentType).toContain('text/html');
    expect(raw.body).toContain('<h1>502 Bad Gateway</h1>');
    const error = await client()
      .issueBillingKey('html', card(CARDS.htmlError))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IamportUnavailableError);
    expect((error as IamportUnavailableError).httpStatus).toBe(502);
  });

  it('truncated_json: a complete HTTP 200 exchange whose JSON stops halfway', async () => {
    const { url, client } = await serve();
    const raw = await issueRaw(url, 'trunc', card(CARDS.truncated));
    expect(raw.error).toBeNull(); // the HTTP exchange itself completed
    expect(raw.status).toBe(200);
    expect(raw.body.startsWith('{"code":0')).toBe(true);
    expect(() => JSON.parse(raw.body)).toThrow();
    const error = await client()
      .issueBillingKey('trunc', card(CARDS.truncated))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IamportUnavailableError);
    expect((error as Error).message).toContain('body is not JSON (HTTP 200');
  });

  it('connection_drop: the socket breaks after part of the body (node:http, fetch and the app client)', async () => {
    const { url, client, sandbox } = await serve();
    const raw = await issueRaw(url, 'drop', card(CARDS.connectionDrop));
    expect(raw.status).toBe(200);
    expect(raw.error).not.toBeNull();
    expect(raw.error!.code ?? raw.error!.message).toMatch(/ECONNRESET|aborted/);
    expect(raw.body.startsWith('{"code":0')).toBe(true);
    expect(() => JSON.parse(raw.body)).toThrow();

    const res = await fetch(`${url}/subscribe/customers/drop`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await httpToken(url) },
      body: JSON.stringify(card(CARDS.connectionDrop)),
    });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow(TypeError);

    const error = await client()
      .issueBillingKey('drop', card(CARDS.connectionDrop))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IamportUnavailableError);
    expect((error as Error).message).toContain('the answer broke off');
    expect(await sandbox.admin.getKey('drop')).toBeUndefined();
  });

  it('connection_drop as an injected fault on a read: a socket error for that uid only', async () => {
    const { url, client, sandbox } = await serve();
    await client().issueBillingKey('other', card(CARDS.kbCheck));
    sandbox.admin.setFault('flaky', 'connection_drop');
    const token = await httpToken(url);
    const raw = await rawRequest(`${url}/subscribe/customers/flaky`, { headers: { authorization: token } });
    expect(raw.error).not.toBeNull();
    const fine = await rawRequest(`${url}/subscribe/customers/other`, { headers: { authorization: token } });
    expect(fine.error).toBeNull();
    expect(fine.status).toBe(200);
    await expect(client().getBillingKey('flaky')).rejects.toBeInstanceOf(IamportUnavailableError);
  });

  it('token_expiry: a 401 in mid-flight; the app client refreshes once and the retry issues', async () => {
    const { url, client, sandbox } = await serve();
    const stale = await httpToken(url);
    const first = await issueRaw(url, 'te', card(CARDS.tokenExpiry), stale);
    expect(first.status).toBe(401);
    expect(JSON.parse(first.body)).toEqual({ code: -1, message: 'Unauthorized', response: null });
    expect((await rawRequest(`${url}/users/pg`, { headers: { authorization: stale } })).status).toBe(401);

    sandbox.resetStats();
    const issued = await client().issueBillingKey('te-2', card(CARDS.tokenExpiry));
    expect(issued.customer_uid).toBe('te-2');
    expect(sandbox.stats()).toMatchObject({ issue: 2, getToken: 2 });
  });

  it('rejections and code 1 come back on HTTP 200 with the envelope', async () => {
    const { client } = await serve();
    const declined = await client()
      .issueBillingKey('d', card(CARDS.declined))
      .catch((caught: unknown) => caught);
    expect(declined).toBeInstanceOf(IamportRejectedError);
    expect(declined).toMatchObject({ httpStatus: 200, iamportCode: -1, pgCode: 'F114' });
    const noModule = await client()
      .issueBillingKey('n', card(CARDS.noKeyIn))
      .catch((caught: unknown) => caught);
    expect(noModule).toMatchObject({ httpStatus: 200, iamportCode: 1 });
    const wrongSecret = new IamportClient({ baseUrl: (await serve()).url, impKey: SANDBOX_IMP_KEY, impSecret: 'x' });
    await expect(wrongSecret.listChannels()).rejects.toBeInstanceOf(IamportUnauthorizedError);
  });
});

describe('npm run sandbox (scripts/sandbox.ts as a child process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-script-'));
  const runs: ScriptRun[] = [];
  afterAll(async () => {
    await Promise.all(runs.map((run) => run.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the channels of SANDBOX_CHANNELS_FILE + SANDBOX_CHANNELS, and the failure cards over its socket', async () => {
    const channelsFile = join(dir, 'channels.json');
    writeFileSync(
      channelsFile,
      JSON.stringify([
        {
          pg_provider: 'kcp',
          pg_id: 'FILE1',
          sandbox: true,
          type: 'api_payment',
          channel_name: 'from the file',
          channel_key: 'ck-file',
        },
      ]),
    );
    const inline = [
      {
        pg_provider: 'danal',
        pg_id: 'CERT',
        sandbox: true,
        type: 'certification',
        channel_name: 'inline',
        channel_key: 'ck-inline',
      },
    ];
    const port = await freePort();
    const run = runSandboxScript({
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: '127.0.0.1',
      SANDBOX_SLOW_MS: '300',
      SANDBOX_CHANNELS_FILE: channelsFile,
      SANDBOX_CHANNELS: JSON.stringify(inline),
    });
    runs.push(run);
    const url = await waitForListening(run);
    expect(url).toBe(`http://127.0.0.1:${port}`);

    const token = await httpToken(url);
    const channels = await rawRequest(`${url}/users/pg`, { headers: { authorization: `Bearer ${token}` } });
    expect(JSON.parse(channels.body).response.map((c: { channel_key: string }) => c.channel_key)).toEqual([
      'ck-file',
      'ck-inline',
    ]);
    const issued = await issueRaw(url, 'script-1', card(CARDS.kbCheck), token);
    expect(JSON.parse(issued.body).response).toMatchObject({ pg_provider: 'kcp', pg_id: 'FILE1' });

    const drop = await issueRaw(url, 'script-drop', card(CARDS.connectionDrop), token);
    expect(drop.status).toBe(200);
    expect(drop.error).not.toBeNull();
    expect((await issueRaw(url, 'script-500', card(CARDS.http500), token)).status).toBe(500);
    expect((await issueRaw(url, 'script-html', card(CARDS.htmlError), token)).contentType).toContain('text/html');
    const truncated = await issueRaw(url, 'script-trunc', card(CARDS.truncated), token);
    expect(truncated.error).toBeNull();
    expect(() => JSON.parse(truncated.body)).toThrow();
    const slowStart = performance.now();
    expect(JSON.parse((await issueRaw(url, 'script-slow', card(CARDS.slow), token)).body).code).toBe(0);
    expect(performance.now() - slowStart).toBeGreaterThanOrEqual(280);
    expect((await issueRaw(url, 'script-te', card(CARDS.tokenExpiry), token)).status).toBe(401);

    await run.stop();
    expect(run.child.exitCode ?? run.child.signalCode).not.toBeNull();
  }, 60_000);

  it('refuses to start on a bad channel entry, naming it', async () => {
    const run = runSandboxScript({
      SANDBOX_PORT: String(await freePort()),
      SANDBOX_CHANNELS: JSON.stringify([{ pg_provider: 'nice', pg_id: 'X', sandbox: 'yes' }]),
    });
    runs.push(run);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('SANDBOX_CHANNELS: entry 0 (nice X): sandbox:');
    expect(run.output()).not.toContain('listening');
  }, 60_000);
});
