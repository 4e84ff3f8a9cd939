import 'server-only';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SandboxChannel } from './types';

/**
 * One channel of SANDBOX_CHANNELS_FILE / SANDBOX_CHANNELS: the six fields of `GET /users/pg`, plus the
 * sandbox-only `channel_group_ids` (smart-routing groups a key-in channel belongs to). Unknown fields
 * are refused, so a typo does not silently fall back to a default.
 */
const channelSchema = z.strictObject({
  pg_provider: z.string().trim().min(1).max(16),
  pg_id: z.string().trim().min(1).max(80),
  sandbox: z.boolean(),
  type: z.enum(['payment', 'api_payment', 'certification']),
  channel_name: z.string().trim().min(1).max(100),
  channel_key: z.string().trim().min(1).max(55),
  channel_group_ids: z.array(z.string().trim().min(1).max(55)).optional(),
});

export class SandboxChannelsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxChannelsError';
  }
}

export interface SandboxChannelSources {
  /** Path of a JSON file holding an array of channels (relative to the working directory). */
  SANDBOX_CHANNELS_FILE?: string;
  /** The same array, inline. */
  SANDBOX_CHANNELS?: string;
}

/** `entry 2 (kcp BA001)`: names an entry by position and, when it has them, provider and MID. */
function describeEntry(index: number, value: unknown): string {
  const entry = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const named = [entry.pg_provider, entry.pg_id].filter((part) => typeof part === 'string' && part !== '');
  return `entry ${index}${named.length > 0 ? ` (${named.join(' ')})` : ''}`;
}

function parseSource(origin: string, text: string): SandboxChannel[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SandboxChannelsError(`${origin} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) {
    throw new SandboxChannelsError(
      `${origin} must be a JSON array of {pg_provider, pg_id, sandbox, type, channel_name, channel_key}`,
    );
  }
  return value.map((item, index) => {
    const result = channelSchema.safeParse(item);
    if (result.success) return result.data;
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
      return `${field}: ${issue.message}`;
    });
    throw new SandboxChannelsError(`${origin}: ${describeEntry(index, item)}: ${problems.join('; ')}`);
  });
}

/**
 * The sandbox's channels from SANDBOX_CHANNELS_FILE and/or SANDBOX_CHANNELS (the file's first, then
 * the inline ones), or undefined when neither is set (the sandbox then uses DEFAULT_SANDBOX_CHANNELS).
 * @throws SandboxChannelsError naming the variable and the bad entry.
 */
export function loadSandboxChannels(sources: SandboxChannelSources): SandboxChannel[] | undefined {
  const { SANDBOX_CHANNELS_FILE: file, SANDBOX_CHANNELS: inline } = sources;
  if (file === undefined && inline === undefined) return undefined;
  const channels: { origin: string; channel: SandboxChannel; index: number }[] = [];
  if (file !== undefined) {
    const origin = `SANDBOX_CHANNELS_FILE (${file})`;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new SandboxChannelsError(`${origin} cannot be read: ${(error as Error).message}`);
    }
    parseSource(origin, text).forEach((channel, index) => channels.push({ origin, channel, index }));
  }
  if (inline !== undefined) {
    const origin = 'SANDBOX_CHANNELS';
    parseSource(origin, inline).forEach((channel, index) => channels.push({ origin, channel, index }));
  }
  const byKey = new Map<string, (typeof channels)[number]>();
  for (const item of channels) {
    const first = byKey.get(item.channel.channel_key);
    if (first) {
      throw new SandboxChannelsError(
        `${item.origin}: ${describeEntry(item.index, item.channel)}: channel_key "${item.channel.channel_key}" ` +
          `is already used by ${first.origin} ${describeEntry(first.index, first.channel)}`,
      );
    }
    byKey.set(item.channel.channel_key, item);
  }
  return channels.map((item) => item.channel);
}
