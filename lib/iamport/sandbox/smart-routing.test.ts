import { describe, expect, it } from 'vitest';
import type { CustomerAnnotation } from '../types';
import { DEFAULT_CHANNEL_GROUP_ID, type SandboxChannel, type SuperBillingKeyAnnotation } from './index';
import { CARDS, readJson, setup } from '@/lib/testing/sandbox';

const FAIL = '카드정보 인증 및 빌키 발급에 실패하였습니다.';
const GROUP = DEFAULT_CHANNEL_GROUP_ID;
const groupCard = (extra: Record<string, string> = {}) => ({
  card_number: CARDS.kbCheck,
  expiry: '2030-12',
  channel_group_id: GROUP,
  ...extra,
});

async function issueGroup(t: ReturnType<typeof setup>, uid: string, body: Record<string, string>, tier?: string) {
  const res = await t.call('POST', `/subscribe/customers/${encodeURIComponent(uid)}`, {
    token: await t.token(),
    json: body,
    headers: tier ? { tier } : undefined,
  });
  return { status: res.status, body: await readJson<SuperBillingKeyAnnotation>(res) };
}

describe('sandbox smart routing (channel_group_id)', () => {
  it('issues on every key-in channel of the group and answers a SuperBillingKeyAnnotation', async () => {
    const t = setup();
    const now = t.nowSeconds();
    const { status, body } = await issueGroup(
      t,
      'sb-1',
      groupCard({ customer_id: 'buyer-1', customer_name: '홍길동' }),
    );
    expect(status).toBe(200);
    expect(body.code).toBe(0);
    expect(body.response).toEqual({
      customer_uid: 'sb-1',
      channelGroupId: GROUP,
      customer_id: 'buyer-1',
      customer_name: '홍길동',
      customer_tel: null,
      customer_email: null,
      customer_addr: null,
      customer_postcode: null,
      succeededChannels: [
        {
          pg_provider: 'nice_v2',
          pg_id: 'nictest00m',
          card_name: 'KB국민카드',
          card_code: '381',
          card_number: '52728900****0004',
          card_type: 1,
          card_issuer_code: '381',
          card_issuer_name: 'KB국민카드',
          card_publisher_code: '381',
          card_publisher_name: 'KB국민카드',
          inserted: now,
          updated: now,
          update: now,
        },
        {
          pg_provider: 'kcp',
          pg_id: 'BA001',
          card_name: 'KB국민카드',
          card_code: '381',
          card_number: '527289******0004',
          card_type: 1,
          inserted: now,
          updated: now,
          update: now,
        },
        expect.objectContaining({ pg_provider: 'tosspayments', card_number: '52728900****000*' }),
      ],
      failedChannels: [],
    });
    // No CustomerAnnotation field at the top: a client must tell the shapes apart.
    expect(body.response).not.toHaveProperty('pg_provider');
  });

  it('reports a channel that refuses in failedChannels and still issues on the others', async () => {
    const t = setup();
    const { body } = await issueGroup(t, 'sb-2', groupCard()); // tosspayments needs customer_id
    expect(body.code).toBe(0);
    expect(body.response!.succeededChannels.map((c) => c.pg_provider)).toEqual(['nice_v2', 'kcp']);
    expect(body.response!.failedChannels).toEqual([
      {
        type: 'INVALID_REQUEST',
        message: `${FAIL} [INVALID_REQUEST]customerKey는 필수 입력값입니다.`,
        pg_provider: 'tosspayments',
        pg_id: 'tosstest',
      },
    ]);
    expect(body.response!.customer_id).toBeNull();
  });

  it('ignores pg and channel_key when a group is named', async () => {
    const t = setup();
    const { body } = await issueGroup(t, 'sb-3', groupCard({ pg: 'nice', channel_key: 'nope', customer_id: 'b' }));
    expect(body.code).toBe(0);
    expect(body.response!.channelGroupId).toBe(GROUP);
    expect(body.response!.succeededChannels).toHaveLength(3);
  });

  it('answers code 1 for an unknown group and -1 when every channel refuses, storing nothing', async () => {
    const t = setup();
    const unknown = await issueGroup(t, 'sb-4', groupCard({ channel_group_id: 'no-such-group' }));
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({
      code: 1,
      message: '스마트 라우팅 그룹(no-such-group)을 찾을 수 없습니다.',
      response: null,
    });
    const declined = await issueGroup(t, 'sb-4', groupCard({ card_number: CARDS.declined, customer_id: 'b' }));
    expect(declined.status).toBe(200);
    expect(declined.body.code).toBe(-1);
    // The group's first channel is nice_v2: its refusal, in NICEPAY's form.
    expect(declined.body.message).toBe(
      `${FAIL} [400]Error From NICEPAY. (message: 해당카드 사용불가 가맹점(타카드 사용요망), code:F114)`,
    );
    expect(declined.body.response).toBeNull();
    const tooLong = await issueGroup(t, 'sb-4', groupCard({ channel_group_id: 'g'.repeat(56) }));
    expect(tooLong.status).toBe(400);
    expect(await t.sandbox.admin.getGroupKey('sb-4')).toBeUndefined();
  });

  it('gets, multi-gets and deletes a super key like a plain one', async () => {
    const t = setup();
    const issued = (await issueGroup(t, 'sb-5', groupCard({ customer_id: 'b' }))).body.response!;
    await t.issue('plain', { card_number: CARDS.shinhan, expiry: '2030-12' });
    const token = await t.token();

    const get = await t.call('GET', '/subscribe/customers/sb-5', { token });
    expect(get.status).toBe(200);
    expect((await readJson(get)).response).toEqual(issued);
    expect(await t.sandbox.admin.getKey('sb-5')).toBeUndefined(); // plain keys only
    expect(await t.sandbox.admin.getGroupKey('sb-5')).toEqual(issued);

    const multi = await t.call('GET', '/subscribe/customers?customer_uid[]=sb-5&customer_uid[]=plain', { token });
    expect(multi.status).toBe(200);
    const items = (await readJson<Record<string, unknown>[]>(multi)).response!;
    expect(items.map((item) => item.customer_uid)).toEqual(['sb-5', 'plain']);
    expect(items[0]).toHaveProperty('channelGroupId', GROUP);

    const del = await t.call('DELETE', '/subscribe/customers/sb-5?reason=x', { token });
    expect((await readJson(del)).response).toEqual(issued);
    expect((await t.call('GET', '/subscribe/customers/sb-5', { token })).status).toBe(404);
  });

  it('replaces: a group re-issue keeps inserted per channel, a plain issue replaces the super key', async () => {
    const t = setup();
    const first = (await issueGroup(t, 'sb-6', groupCard({ customer_id: 'b' }))).body.response!;
    t.advance(90_000);
    const second = (await issueGroup(t, 'sb-6', groupCard({ customer_id: 'b', card_number: CARDS.shinhan }))).body
      .response!;
    for (const [index, channel] of second.succeededChannels.entries()) {
      expect(channel.inserted).toBe(first.succeededChannels[index]!.inserted);
      expect(channel.updated).toBe(t.nowSeconds());
      expect(channel.card_code).toBe('366');
    }
    const plain = await t.issue('sb-6', { card_number: CARDS.kbCheck, expiry: '2030-12' });
    expect(plain.body.response!.pg_provider).toBe('nice');
    expect(await t.sandbox.admin.getGroupKey('sb-6')).toBeUndefined();
    const get = await t.call('GET', '/subscribe/customers/sb-6', { token: await t.token() });
    expect((await readJson<CustomerAnnotation>(get)).response!.pg_provider).toBe('nice');
  });

  it('uses the groups of configured channels, and keeps super keys per Tier', async () => {
    const channels: SandboxChannel[] = [
      {
        pg_provider: 'ksnet',
        pg_id: 'ks1',
        sandbox: false,
        type: 'api_payment',
        channel_name: 'KSNET',
        channel_key: 'ck-ks',
        channel_group_ids: ['g1'],
      },
      {
        pg_provider: 'welcome',
        pg_id: 'wel1',
        sandbox: false,
        type: 'api_payment',
        channel_name: 'Welcome',
        channel_key: 'ck-wel',
        channel_group_ids: ['g1', 'g2'],
      },
      // A window channel in the group is not a key-in channel: never issued on.
      {
        pg_provider: 'kakaopay',
        pg_id: 'kp',
        sandbox: false,
        type: 'payment',
        channel_name: 'KakaoPay',
        channel_key: 'ck-kp',
        channel_group_ids: ['g1'],
      },
    ];
    const t = setup({ channels });
    const body = { card_number: CARDS.kbCheck, expiry: '2030-12', channel_group_id: 'g1' };
    const { body: answer } = await issueGroup(
      t,
      'sb-7',
      { ...body, birth: '880101', pwd_2digit: '12', customer_name: '김' },
      'AB1',
    );
    expect(answer.response!.succeededChannels.map((c) => `${c.pg_provider}.${c.pg_id}`)).toEqual([
      'ksnet.ks1',
      'welcome.wel1',
    ]);
    expect(answer.response!.failedChannels).toEqual([]);
    expect(await t.sandbox.admin.getGroupKey('sb-7', 'AB1')).toBeDefined();
    expect(await t.sandbox.admin.getGroupKey('sb-7')).toBeUndefined();
    const token = await t.token();
    expect((await t.call('GET', '/subscribe/customers/sb-7', { token })).status).toBe(404);
    expect((await t.call('GET', '/subscribe/customers/sb-7', { token, headers: { tier: 'AB1' } })).status).toBe(200);
  });

  it('stores only what PGs return: masked numbers, never the card, birth or password', async () => {
    const t = setup();
    await issueGroup(t, 'sb-9', groupCard({ customer_id: 'b', birth: '880101', pwd_2digit: '12', cvc: '123' }));
    await t.call('POST', '/subscribe/payments/again', {
      token: await t.token(),
      json: { customer_uid: 'sb-9', merchant_uid: 'o-1', amount: 100, name: 'n' },
    });
    const stored = JSON.stringify([t.store.entries(), t.sandbox.admin.payments('sb-9')]);
    expect(stored).toContain('52728900****0004');
    expect(stored).not.toContain(CARDS.kbCheck.replace(/-/g, ''));
    expect(stored).not.toContain(CARDS.kbCheck);
    expect(stored).not.toMatch(/880101|pwd_2digit|"birth"|"cvc"/);
  });

  it('applies the failure cards to group issuance too', async () => {
    const t = setup();
    expect((await issueGroup(t, 'sb-8', groupCard({ card_number: CARDS.http500 }))).status).toBe(500);
    const noModule = await issueGroup(t, 'sb-8', groupCard({ card_number: CARDS.noKeyIn }));
    expect(noModule.body.code).toBe(1);
    const drop = await t.call('POST', '/subscribe/customers/sb-8', {
      token: await t.token(),
      json: groupCard({ card_number: CARDS.connectionDrop }),
    });
    await expect(drop.text()).rejects.toThrow();
    expect(await t.sandbox.admin.getGroupKey('sb-8')).toBeUndefined();
  });
});
