import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import type { PgChannel } from '../types';
import { loadSandboxChannels, SandboxChannelsError, type SandboxChannel } from './index';
import { CARDS, listedChannel, readJson, setup } from '@/lib/testing/sandbox';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-channels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const kcp: SandboxChannel = {
  pg_provider: 'kcp',
  pg_id: 'IP001',
  sandbox: false,
  type: 'api_payment',
  channel_name: 'KCP 운영',
  channel_key: 'channel-key-kcp-live',
};
const toss: SandboxChannel = {
  pg_provider: 'tosspayments',
  pg_id: 'tosslive',
  sandbox: false,
  type: 'api_payment',
  channel_name: '토스 운영',
  channel_key: 'channel-key-toss-live',
  channel_group_ids: ['smart-1'],
};
const naver: SandboxChannel = {
  pg_provider: 'naverpay',
  pg_id: 'np1',
  sandbox: true,
  type: 'payment',
  channel_name: '네이버페이',
  channel_key: 'channel-key-naver',
};

function errorOf(run: () => unknown): SandboxChannelsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SandboxChannelsError) return error;
    throw error;
  }
  throw new Error('expected a SandboxChannelsError');
}

describe('sandbox channels from SANDBOX_CHANNELS_FILE / SANDBOX_CHANNELS', () => {
  it('is undefined (defaults) when neither is set', () => {
    expect(loadSandboxChannels({})).toBeUndefined();
  });

  it('reads the file, the inline JSON, or both (file first)', () => {
    const path = file('both.json', JSON.stringify([kcp, toss]));
    expect(loadSandboxChannels({ SANDBOX_CHANNELS_FILE: path })).toEqual([kcp, toss]);
    expect(loadSandboxChannels({ SANDBOX_CHANNELS: JSON.stringify([naver]) })).toEqual([naver]);
    expect(loadSandboxChannels({ SANDBOX_CHANNELS_FILE: path, SANDBOX_CHANNELS: JSON.stringify([naver]) })).toEqual([
      kcp,
      toss,
      naver,
    ]);
    expect(loadSandboxChannels({ SANDBOX_CHANNELS: '[]' })).toEqual([]);
  });

  it('names the variable, the entry and the field of a bad entry', () => {
    const bad = [kcp, { ...toss, channel_key: 42 }];
    const fromFile = errorOf(() =>
      loadSandboxChannels({ SANDBOX_CHANNELS_FILE: file('bad.json', JSON.stringify(bad)) }),
    );
    expect(fromFile.message).toContain(
      `SANDBOX_CHANNELS_FILE (${join(dir, 'bad.json')}): entry 1 (tosspayments tosslive): channel_key:`,
    );

    const typo = errorOf(() =>
      loadSandboxChannels({ SANDBOX_CHANNELS: JSON.stringify([{ ...kcp, type: 'keyin', pg_provder: 'x' }]) }),
    );
    expect(typo.message).toMatch(/^SANDBOX_CHANNELS: entry 0 \(kcp IP001\): /);
    expect(typo.message).toContain('type:');
    expect(typo.message).toContain('pg_provder');

    const missing = errorOf(() => loadSandboxChannels({ SANDBOX_CHANNELS: JSON.stringify([{ pg_provider: 'nice' }]) }));
    expect(missing.message).toContain('entry 0 (nice)');
    expect(missing.message).toContain('pg_id:');
    expect(missing.message).toContain('channel_key:');
  });

  it('refuses a missing file, invalid JSON, a non-array and a duplicate channel_key', () => {
    expect(errorOf(() => loadSandboxChannels({ SANDBOX_CHANNELS_FILE: join(dir, 'none.json') })).message).toMatch(
      /^SANDBOX_CHANNELS_FILE \(.*none\.json\) cannot be read: .*ENOENT/,
    );
    expect(errorOf(() => loadSandboxChannels({ SANDBOX_CHANNELS: '[{' })).message).toMatch(
      /^SANDBOX_CHANNELS is not valid JSON/,
    );
    expect(errorOf(() => loadSandboxChannels({ SANDBOX_CHANNELS: JSON.stringify(kcp) })).message).toMatch(
      /^SANDBOX_CHANNELS must be a JSON array/,
    );
    const duplicate = errorOf(() =>
      loadSandboxChannels({
        SANDBOX_CHANNELS_FILE: file('dup.json', JSON.stringify([kcp])),
        SANDBOX_CHANNELS: JSON.stringify([naver, { ...toss, channel_key: kcp.channel_key }]),
      }),
    );
    expect(duplicate.message).toBe(
      'SANDBOX_CHANNELS: entry 1 (tosspayments tosslive): channel_key "channel-key-kcp-live" is already used by ' +
        `SANDBOX_CHANNELS_FILE (${join(dir, 'dup.json')}) entry 0 (kcp IP001)`,
    );
  });

  it('passes through lib/env.ts as raw strings', () => {
    const env = parseEnv({ SANDBOX_CHANNELS_FILE: ' ./channels.json ', SANDBOX_CHANNELS: '[]' });
    expect(env.SANDBOX_CHANNELS_FILE).toBe('./channels.json');
    expect(env.SANDBOX_CHANNELS).toBe('[]');
    expect(parseEnv({}).SANDBOX_CHANNELS).toBeUndefined();
  });

  it('drives the sandbox: /users/pg, the pg fallback, channel_key and groups', async () => {
    const channels = loadSandboxChannels({ SANDBOX_CHANNELS: JSON.stringify([naver, kcp, toss]) });
    const t = setup({ channels });
    const listed = await t.call('GET', '/users/pg', { token: await t.token() });
    expect((await readJson<PgChannel[]>(listed)).response).toEqual([naver, kcp, toss].map(listedChannel));
    // Unknown pg: the first key-in channel (kcp), not the window-only naverpay.
    const fallback = await t.issue('cfg-1', { card_number: CARDS.kbCheck, expiry: '2030-12', pg: 'nice' });
    expect(fallback.body.response).toMatchObject({ pg_provider: 'kcp', pg_id: 'IP001', sandbox: false });
    const byKey = await t.issue('cfg-2', {
      card_number: CARDS.kbCheck,
      expiry: '2030-12',
      channel_key: toss.channel_key,
      customer_id: 'b',
    });
    expect(byKey.body.response).toMatchObject({ pg_provider: 'tosspayments', sandbox: false });
    const group = await t.issue('cfg-3', {
      card_number: CARDS.kbCheck,
      expiry: '2030-12',
      channel_group_id: 'smart-1',
      customer_id: 'b',
    });
    expect(group.body.response).toMatchObject({ channelGroupId: 'smart-1', failedChannels: [] });
  });
});
