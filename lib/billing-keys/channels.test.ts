import { describe, expect, it } from 'vitest';
import { CARDS, markerCardDigits } from '@/e2e/cards';
import { AppError } from '@/lib/errors';
import type { IamportRuntime } from '@/lib/runtime';
import { IamportClient } from '@/lib/iamport/client';
import { createSandbox, DEFAULT_SANDBOX_CHANNELS, SANDBOX_IMP_KEY, SANDBOX_IMP_SECRET } from '@/lib/iamport/sandbox';
import type { PgChannel } from '@/lib/iamport/types';
import { checkChannel, matchChannel } from './channels';

const LIVE_NICE: PgChannel = {
  pg_provider: 'nice',
  pg_id: 'realmid01m',
  sandbox: false,
  type: 'api_payment',
  channel_name: '나이스페이 실거래',
  channel_key: 'channel-key-live-nice',
};

function runtime(channels: PgChannel[]): IamportRuntime {
  const sandbox = createSandbox({ channels });
  const client = new IamportClient({
    baseUrl: 'http://sandbox.test',
    impKey: SANDBOX_IMP_KEY,
    impSecret: SANDBOX_IMP_SECRET,
    fetch: (request) => sandbox.fetch(request),
  });
  return { client, mode: 'sandbox', sandbox };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('matchChannel', () => {
  it.each([
    [{ pg: 'nice' }, 'nice'],
    [{ pg: 'kcp' }, 'kcp'],
    [{ pg: 'nice.nictest04m' }, 'nice'],
    [{ channel_key: DEFAULT_SANDBOX_CHANNELS.find((c) => c.pg_provider === 'ksnet')!.channel_key }, 'ksnet'],
  ])('%o selects %s', (request, provider) => {
    expect(matchChannel(DEFAULT_SANDBOX_CHANNELS, request)?.pg_provider).toBe(provider);
  });

  it('finds nothing for an unknown MID, a window-only channel or an unknown key', () => {
    expect(matchChannel(DEFAULT_SANDBOX_CHANNELS, { pg: 'nice.NOSUCHMID' })).toBeNull();
    expect(matchChannel(DEFAULT_SANDBOX_CHANNELS, { pg: 'kakaopay' })).toBeNull();
    expect(matchChannel(DEFAULT_SANDBOX_CHANNELS, { channel_key: 'nope' })).toBeNull();
  });
});

describe('checkChannel', () => {
  const mixed = runtime([...DEFAULT_SANDBOX_CHANNELS, LIVE_NICE]);

  it('refuses an MID the merchant does not have, instead of letting Iamport fall back', async () => {
    const error = await failure(checkChannel({ pg: 'nice.NOSUCHMID', card_number: CARDS.kbCheck }, mixed, null));
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields?.pg).toContain('nice.NOSUCHMID');
  });

  it('refuses a known test card on a live channel', async () => {
    const error = await failure(checkChannel({ pg: 'nice.realmid01m', card_number: CARDS.kbCheck }, mixed, null));
    expect(error.details.fields?.card_number).toContain('테스트 카드번호');
    const classic = await failure(
      checkChannel({ channel_key: LIVE_NICE.channel_key, card_number: '4111-1111-1111-1111' }, mixed, null),
    );
    expect(classic.code).toBe('validation_failed');
  });

  it('lets a real-looking card through on a live channel, and test cards on test channels', async () => {
    expect((await checkChannel({ pg: 'nice.realmid01m', card_number: markerCardDigits() }, mixed, null))?.sandbox).toBe(
      false,
    );
    expect((await checkChannel({ pg: 'nice.nictest04m', card_number: CARDS.kbCheck }, mixed, null))?.sandbox).toBe(
      true,
    );
  });

  it('keeps the qa role on test channels', async () => {
    const qa = { id: 'q', email: 'qa@example.com', role: 'qa' as const };
    const error = await failure(checkChannel({ pg: 'nice.realmid01m', card_number: markerCardDigits() }, mixed, qa));
    expect(error.code).toBe('forbidden');
    expect(await checkChannel({ pg: 'kcp', card_number: CARDS.kbCheck }, mixed, qa)).not.toBeNull();
  });
});

describe('checkChannel without a channel list (fails closed)', () => {
  function flaky(channels: PgChannel[]) {
    const sandbox = createSandbox({ channels });
    const state = { down: false };
    const client = new IamportClient({
      baseUrl: 'http://sandbox.test',
      impKey: SANDBOX_IMP_KEY,
      impSecret: SANDBOX_IMP_SECRET,
      fetch: async (request) => {
        if (state.down && new URL(request.url).pathname.startsWith('/users/pg')) {
          return new Response('<html>502 Bad Gateway</html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          });
        }
        return sandbox.fetch(request);
      },
    });
    return { runtime: { client, mode: 'sandbox' as const, sandbox }, state };
  }
  const t0 = Date.UTC(2026, 0, 1);

  it('refuses with 503 and a Korean message when no list was ever read', async () => {
    const { runtime: down, state } = flaky([...DEFAULT_SANDBOX_CHANNELS, LIVE_NICE]);
    state.down = true;
    const qa = { id: 'q', email: 'qa@example.com', role: 'qa' as const };
    for (const [request, actor] of [
      [{ pg: 'nice.realmid01m', card_number: markerCardDigits() }, qa],
      [{ pg: 'nice.realmid01m', card_number: CARDS.kbCheck }, null],
      [{ pg: 'kcp.NOSUCHMID', card_number: CARDS.kbCheck }, null],
    ] as const) {
      const error = await failure(checkChannel(request, down, actor, { now: t0 }));
      expect(error.status).toBe(503);
      expect(error.code).toBe('channels_unavailable');
      expect(error.message).toContain('채널 목록');
    }
  });

  it('uses the last good list for up to 10 minutes, then refuses', async () => {
    const { runtime: flakyRuntime, state } = flaky([...DEFAULT_SANDBOX_CHANNELS, LIVE_NICE]);
    expect(
      await checkChannel({ pg: 'kcp', card_number: CARDS.kbCheck }, flakyRuntime, null, { now: t0 }),
    ).not.toBeNull();
    state.down = true;
    const later = t0 + 9 * 60_000;
    const stale = await failure(
      checkChannel({ pg: 'nice.realmid01m', card_number: CARDS.kbCheck }, flakyRuntime, null, { now: later }),
    );
    expect(stale.details.fields?.card_number).toContain('테스트 카드번호');
    const unknown = await failure(
      checkChannel({ pg: 'kcp.NOSUCHMID', card_number: CARDS.kbCheck }, flakyRuntime, null, { now: later }),
    );
    expect(unknown.code).toBe('validation_failed');
    const tooOld = await failure(
      checkChannel({ pg: 'kcp', card_number: CARDS.kbCheck }, flakyRuntime, null, { now: t0 + 11 * 60_000 }),
    );
    expect(tooOld.code).toBe('channels_unavailable');
    state.down = false;
    expect(
      await checkChannel({ pg: 'kcp', card_number: CARDS.kbCheck }, flakyRuntime, null, { now: t0 + 12 * 60_000 }),
    ).not.toBeNull();
  });
});
