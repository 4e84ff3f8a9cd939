import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '@/lib/card-number';
import { DEFAULT_SANDBOX_CHANNELS } from './index';
import { CARDS, readJson, setup } from '@/lib/testing/sandbox';

const FAIL = '카드정보 인증 및 빌키 발급에 실패하였습니다.';
const card = (extra: Record<string, string> = {}) => ({ card_number: CARDS.kbCheck, expiry: '2030-12', ...extra });

describe('sandbox issuance: success shape (docs/iamport.md §3)', () => {
  it('answers a nice CustomerAnnotation like the recorded one', async () => {
    const t = setup();
    const { status, body } = await t.issue('cust-1', card({ pg: 'nice', customer_name: '홍길동' }));
    expect(status).toBe(200);
    expect(body.code).toBe(0);
    expect(body.message).toBeNull();
    expect(body.response).toEqual({
      customer_uid: 'cust-1',
      pg_provider: 'nice',
      pg_id: 'nictest04m',
      sandbox: true,
      card_name: '국민KB카드',
      card_code: '381',
      card_number: '52728900****0004',
      card_type: 1,
      customer_name: '홍길동',
      customer_tel: null,
      customer_email: null,
      customer_addr: null,
      customer_postcode: null,
      inserted: t.nowSeconds(),
      updated: t.nowSeconds(),
    });
  });

  it.each([
    ['kcp', CARDS.shinhan, '451842******0007', '신한카드', '366', 0],
    ['nice_v2', CARDS.kbCheck, '52728900****0004', 'KB국민카드', '381', 1],
    ['daou', CARDS.hanaNullType, '461954******0000', '하나카드', '374', null],
    ['nice', CARDS.hanaNullType, '46195400****0000', '하나SK카드', '374', null],
  ])('masks and names the card as %s would (%s)', async (pg, number, masked, name, code, type) => {
    const t = setup();
    const { body } = await t.issue('c', { card_number: number, expiry: '2030-12', pg, customer_id: 'buyer-1' });
    expect(body.response).toMatchObject({
      pg_provider: pg,
      card_number: masked,
      card_name: name,
      card_code: code,
      card_type: type,
    });
  });

  it('adds customer_id and issuer/publisher fields only for the PGs that report them', async () => {
    const t = setup();
    const toss = (await t.issue('t', card({ pg: 'tosspayments', customer_id: 'buyer-9' }))).body.response!;
    expect(toss.card_number).toBe('52728900****000*');
    expect(toss.customer_id).toBe('buyer-9');
    expect(toss).toMatchObject({ card_issuer_code: '381', card_issuer_name: 'KB국민카드', card_publisher_code: '381' });

    const welcome = (await t.issue('w', card({ pg: 'welcome', customer_name: '김철수' }))).body.response!;
    expect(welcome.card_number).toBe('52728900****0004');
    expect(welcome).not.toHaveProperty('customer_id');
    expect(welcome).toHaveProperty('card_publisher_name', 'KB국민카드');

    const nice = (await t.issue('n', card({ pg: 'nice', customer_id: 'buyer-9' }))).body.response!;
    expect(nice).not.toHaveProperty('customer_id');
    expect(nice).not.toHaveProperty('card_issuer_code');
  });

  it('accepts digits only and a 15-digit card, and reports the channel sandbox flag', async () => {
    const channels = DEFAULT_SANDBOX_CHANNELS.map((c) => (c.pg_provider === 'kcp' ? { ...c, sandbox: false } : c));
    const t = setup({ channels });
    const digitsOnly = await t.issue('d', card({ card_number: '5272890000000004', pg: 'kcp' }));
    expect(digitsOnly.body.response).toMatchObject({ card_number: '527289******0004', sandbox: false });
    const fifteenDigits = withCheckDigit('45184200000012');
    const fifteen = await t.issue(
      'amex-like',
      card({ card_number: fifteenDigits.replace(/^(\d{4})(\d{6})/, '$1 $2 '), pg: 'nice' }),
    );
    expect(fifteen.body.code).toBe(0);
    expect(fifteen.body.response?.card_number).toBe(`45184200***${fifteenDigits.slice(-4)}`);
  });

  it('replaces the card behind an existing uid, keeping inserted and moving updated', async () => {
    const t = setup();
    const first = (await t.issue('same', card())).body.response!;
    const again = (await t.issue('same', card({ card_number: CARDS.shinhan, pg: 'kcp' }))).body.response!;
    expect(again.inserted).toBe(first.inserted);
    expect(again.updated).toBeGreaterThan(first.inserted);
    expect(again.card_name).toBe('신한카드');
    t.advance(90_000);
    const later = (await t.issue('same', card())).body.response!;
    expect(later.inserted).toBe(first.inserted);
    expect(later.updated).toBe(t.nowSeconds());
    expect((await t.sandbox.admin.getKey('same'))?.card_name).toBe('국민KB카드');
  });

  it('decodes the path: a uid with a slash and Korean letters', async () => {
    const t = setup();
    const { body } = await t.issue('고객/42', card());
    expect(body.response?.customer_uid).toBe('고객/42');
    expect(await t.sandbox.admin.getKey('고객/42')).toBeDefined();
  });
});

describe('sandbox issuance: channel choice', () => {
  it('falls back to the first key-in channel for a missing or invalid pg', async () => {
    const t = setup();
    for (const pg of [undefined, 'nosuchpg', 'kcp.WRONGMID', 'kakaopay']) {
      const { body } = await t.issue('f', pg === undefined ? card() : card({ pg }));
      expect(body.response?.pg_provider, String(pg)).toBe('nice');
      expect(body.response?.pg_id).toBe('nictest04m');
    }
    expect((await t.issue('m', card({ pg: 'kcp.BA001' }))).body.response?.pg_provider).toBe('kcp');
  });

  it('selects a key-in channel by channel_key, and refuses a non key-in or unknown one', async () => {
    const t = setup();
    const daou = DEFAULT_SANDBOX_CHANNELS.find((c) => c.pg_provider === 'daou')!;
    const kakao = DEFAULT_SANDBOX_CHANNELS.find((c) => c.type === 'payment')!;
    expect((await t.issue('k', card({ channel_key: daou.channel_key, pg: 'kcp' }))).body.response?.pg_provider).toBe(
      'daou',
    );
    for (const channel_key of [kakao.channel_key, 'channel-key-unknown']) {
      const { status, body } = await t.issue('k2', card({ channel_key }));
      expect(status).toBe(200);
      expect(body).toEqual({ code: 1, message: '비인증결제모듈 사용정보를 찾을 수 없습니다.', response: null });
    }
  });

  it('answers code 1 when the merchant has no key-in channel', async () => {
    const t = setup({ channels: DEFAULT_SANDBOX_CHANNELS.filter((c) => c.type !== 'api_payment') });
    const { status, body } = await t.issue('x', card());
    expect(status).toBe(200);
    expect(body.code).toBe(1);
    expect(body.message).toBe('비인증결제모듈 사용정보를 찾을 수 없습니다.');
  });
});

describe('sandbox issuance: validation', () => {
  it('requires card_number and expiry with HTTP 400', async () => {
    const t = setup();
    const { status, body } = await t.issue('r', { expiry: '2030-12' });
    expect(status).toBe(400);
    expect(body).toEqual({ code: -1, message: '["card_number"] 파라메터는 필수입니다.', response: null });
    expect((await t.issue('r', {})).body.message).toBe('["card_number","expiry"] 파라메터는 필수입니다.');
  });

  it('refuses a customer_uid over 80 characters with HTTP 400', async () => {
    const t = setup();
    const { status, body } = await t.issue('u'.repeat(81), card());
    expect(status).toBe(400);
    expect(body.code).toBe(-1);
    expect(body.message).toContain('80');
    expect((await t.issue('u'.repeat(80), card())).body.code).toBe(0);
  });

  it('enforces the per-PG required fields with a PG rejection', async () => {
    const t = setup();
    // Each PG in its own form (pg-messages.test.ts checks every form and code).
    const cases: [Record<string, string>, string][] = [
      [{ pg: 'ksnet', pwd_2digit: '12' }, '생년월일(사업자번호) 미입력 (응답코드 V501)'],
      [{ pg: 'ksnet', birth: '880101' }, '비밀번호 앞 2자리 미입력 (응답코드 V502)'],
      [{ pg: 'tosspayments' }, '[INVALID_REQUEST]customerKey는 필수 입력값입니다.'],
      [{ pg: 'welcome' }, '구매자명(buyerName)은 필수 입력값입니다. [W103]'],
    ];
    for (const [extra, pgPart] of cases) {
      const { status, body } = await t.issue('p', card(extra));
      expect(status, pgPart).toBe(200);
      expect(body.code, pgPart).toBe(-1);
      expect(body.message, pgPart).toBe(`카드정보 인증 및 빌키 발급에 실패하였습니다. ${pgPart}`);
    }
    expect(await t.sandbox.admin.getKey('p')).toBeUndefined();
    const ksnet = await t.issue('p', card({ pg: 'ksnet', birth: '880101', pwd_2digit: '12' }));
    expect(ksnet.body.response?.pg_provider).toBe('ksnet');
  });

  it('answers the recorded nice_v2 message for a malformed pwd_2digit', async () => {
    const t = setup();
    const { body } = await t.issue('v2', card({ pg: 'nice_v2', pwd_2digit: '1' }));
    expect(body.message).toBe(`${FAIL} [400].issueCard.password2Digits:Invalid 2 digits of password!`);
  });

  it('rejects a bad Luhn digit, an unknown BIN and a wrong length with F112', async () => {
    const t = setup();
    const message = `${FAIL} [F112]유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)`;
    for (const number of ['5272-8900-0000-0005', CARDS.unknownBin, '5272-8900-0004', '5272-89OO-0000-0004']) {
      const { status, body } = await t.issue('l', card({ card_number: number }));
      expect(status).toBe(200);
      expect(body, number).toEqual({ code: -1, message, response: null });
    }
  });

  it('rejects a past or malformed expiry with F113 but accepts the current month', async () => {
    const t = setup();
    for (const expiry of ['2025-12', '2030-13', '12/30', '203012']) {
      const { body } = await t.issue('e', card({ expiry }));
      expect(body.message, expiry).toBe(`${FAIL} [F113]유효기간오류`);
    }
    expect((await t.issue('e', card({ expiry: '2026-01' }))).body.code).toBe(0);
  });

  it('accepts a form-encoded issuance with extra[...] keys', async () => {
    const t = setup();
    const res = await t.call('POST', '/subscribe/customers/form-1', {
      token: await t.token(),
      form: { card_number: CARDS.shinhan, expiry: '2030-12', pg: 'kcp', 'extra[requester]': 'x' },
    });
    expect((await readJson(res)).code).toBe(0);
  });
});
