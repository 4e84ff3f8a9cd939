import { describe, expect, it } from 'vitest';
import { passesLuhn } from '@/lib/card-number';
import { SANDBOX_SCENARIOS } from '@/lib/gateways/test-cards';
import { BIN_TABLE } from './cards';
import { SANDBOX_CARDS } from './index';
import { CARDS, readJson, setup } from '@/lib/testing/sandbox';

const FAIL = '카드정보 인증 및 빌키 발급에 실패하였습니다.';
const issueBody = (card_number: string, extra: Record<string, string> = {}) => ({
  card_number,
  expiry: '2030-12',
  ...extra,
});

describe('SANDBOX_CARDS', () => {
  it('lists Luhn-valid dddd-dddd-dddd-dddd numbers with a Korean label, one success card per BIN issuer', () => {
    for (const card of SANDBOX_CARDS) {
      expect(card.number).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
      expect(passesLuhn(card.number.replace(/-/g, '')), card.number).toBe(true);
      expect(card.label).toMatch(/[가-힣]/);
      expect(card.label).not.toContain('\n');
    }
    const success = SANDBOX_CARDS.filter((card) => card.scenario === 'success');
    expect(success).toHaveLength(BIN_TABLE.length);
    expect(new Set(SANDBOX_CARDS.map((card) => card.number)).size).toBe(SANDBOX_CARDS.length);
    // Every scenario has its card, and no card plays an unknown one (the runner's EXPECTED table names each).
    expect(new Set(SANDBOX_CARDS.map((card) => card.scenario))).toEqual(new Set(SANDBOX_SCENARIOS));
    expect(SANDBOX_SCENARIOS).toHaveLength(12);
  });

  it('issues every success card with the BIN table name, code and type', async () => {
    const t = setup();
    for (const card of SANDBOX_CARDS.filter((c) => c.scenario === 'success')) {
      const entry = BIN_TABLE.find((e) => card.number.replace(/-/g, '').startsWith(e.bin))!;
      const { body } = await t.issue('s', issueBody(card.number, { pg: 'kcp' }));
      expect(body.response, card.number).toMatchObject({
        card_name: entry.name,
        card_code: entry.cardCode,
        card_type: entry.cardType,
      });
    }
  });
});

describe('sandbox magic cards', () => {
  it('expired: F113 whatever expiry is sent', async () => {
    const t = setup();
    const { status, body } = await t.issue('m', issueBody(CARDS.expired, { expiry: '2039-01' }));
    expect(status).toBe(200);
    expect(body).toEqual({ code: -1, message: `${FAIL} [F113]유효기간오류`, response: null });
  });

  it('invalid_card: F112 although the Luhn digit is right', async () => {
    const t = setup();
    expect((await t.issue('m', issueBody(CARDS.unknownBin))).body.message).toBe(
      `${FAIL} [F112]유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)`,
    );
  });

  it('declined: a PG decline with code -1', async () => {
    const t = setup();
    const { body } = await t.issue('m', issueBody(CARDS.declined));
    expect(body.code).toBe(-1);
    expect(body.message).toBe(`${FAIL} [F114]해당카드 사용불가 가맹점(타카드 사용요망)`);
  });

  it('no_keyin_module: code 1 on HTTP 200', async () => {
    const t = setup();
    const { status, body } = await t.issue('m', issueBody(CARDS.noKeyIn));
    expect(status).toBe(200);
    expect(body).toEqual({ code: 1, message: '비인증결제모듈 사용정보를 찾을 수 없습니다.', response: null });
  });

  it('password_check: only pwd_2digit 12 and birth 880101 pass', async () => {
    const t = setup();
    const noPassword = await t.issue('pw', issueBody(CARDS.passwordCheck, { birth: '880101' }));
    expect(noPassword.body.message).toBe(`${FAIL} [F115]비밀번호틀림`);
    const wrongBirth = await t.issue('pw', issueBody(CARDS.passwordCheck, { pwd_2digit: '12', birth: '900101' }));
    expect(wrongBirth.body.message).toContain('주민OR사업자등록번호오류');
    expect(await t.sandbox.admin.getKey('pw')).toBeUndefined();
    const right = await t.issue('pw', issueBody(CARDS.passwordCheck, { pwd_2digit: '12', birth: '880101' }));
    expect(right.body.code).toBe(0);
  });

  it('slow: waits slowMs and then issues the key', async () => {
    const t = setup({ slowMs: 60 });
    const started = performance.now();
    const { body } = await t.issue('slow-1', issueBody(CARDS.slow));
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(body.code).toBe(0);
    expect(await t.sandbox.admin.getKey('slow-1')).toBeDefined();
  });

  it('slow: the key exists although the caller aborted', async () => {
    const t = setup({ slowMs: 10_000 });
    const controller = new AbortController();
    const pending = t.call('POST', '/subscribe/customers/slow-2', {
      token: await t.token(),
      json: issueBody(CARDS.slow),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    const started = performance.now();
    await pending;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await t.sandbox.admin.getKey('slow-2')).toBeDefined();
  });

  it('http_500: a 500 envelope and no key', async () => {
    const t = setup();
    const { status, body } = await t.issue('h', issueBody(CARDS.http500));
    expect(status).toBe(500);
    expect(body.code).toBe(-1);
    expect(await t.sandbox.admin.getKey('h')).toBeUndefined();
  });

  it.each([
    [
      'html_error: a 502 text/html page and no key',
      'h',
      CARDS.htmlError,
      502,
      'text/html',
      (text: string) => expect(text).toContain('<title>502 Bad Gateway</title>'),
    ],
    [
      'truncated_json: HTTP 200 application/json that does not parse, and no key',
      'tj',
      CARDS.truncated,
      200,
      'application/json',
      (text: string) => {
        expect(text.startsWith('{"code":0')).toBe(true);
        expect(() => JSON.parse(text)).toThrow();
      },
    ],
  ])('%s', async (_title, uid, number, status, contentType, expectBody) => {
    const t = setup();
    const res = await t.issueResponse(uid, issueBody(number));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain(contentType);
    expectBody(await res.text());
    expect(await t.sandbox.admin.getKey(uid)).toBeUndefined();
  });

  it('connection_drop: reading the body rejects, and no key', async () => {
    const t = setup();
    const res = await t.issueResponse('cd', issueBody(CARDS.connectionDrop));
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    expect(await t.sandbox.admin.getKey('cd')).toBeUndefined();
  });

  it('token_expiry: the first call is a 401 and a retry with a fresh token succeeds', async () => {
    const t = setup();
    const stale = await t.token();
    const first = await t.call('POST', '/subscribe/customers/te', { token: stale, json: issueBody(CARDS.tokenExpiry) });
    expect(first.status).toBe(401);
    expect(await first.json()).toEqual({ code: -1, message: 'Unauthorized', response: null });
    expect((await t.call('GET', '/users/pg', { token: stale })).status).toBe(401);

    const fresh = await t.token();
    expect(fresh).not.toBe(stale);
    const retry = await t.call('POST', '/subscribe/customers/te', { token: fresh, json: issueBody(CARDS.tokenExpiry) });
    expect(retry.status).toBe(200);
    expect((await readJson(retry)).code).toBe(0);
    expect(await t.sandbox.admin.getKey('te')).toBeDefined();
    expect(t.sandbox.stats().issue).toBe(2);
  });
});
