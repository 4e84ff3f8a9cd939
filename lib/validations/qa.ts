import { z } from 'zod';
import { SANDBOX_SCENARIOS } from '@/lib/gateways/test-cards';

/**
 * The QA runner's scenarios: a success, every failure kind of the sandbox's magic cards, and a
 * missing PG-required field (the first field the channel's PG requires, left out; no card of its own).
 */
export const QA_SCENARIOS = [...SANDBOX_SCENARIOS, 'missing_pg_field'] as const;
export type QaScenario = (typeof QA_SCENARIOS)[number];

/** Timeouts offered for the issuance calls of a run; the slow card waits past the short ones. */
export const QA_TIMEOUT_CHOICES_MS = [2_000, 5_000, 10_000, 30_000] as const;

export const QA_LIMITS = {
  channels: 20,
  channelKey: 55,
  minTimeoutMs: 100,
  maxTimeoutMs: 60_000,
  defaultTimeoutMs: 10_000,
} as const;

/** `POST /api/qa/runs`: which channels × which scenarios, how long an issuance may take, and the live confirmation. */
export const qaRunInputSchema = z
  .object({
    channelKeys: z
      .array(z.string().min(1).max(QA_LIMITS.channelKey), { error: '채널 목록이 올바르지 않습니다.' })
      .min(1, '채널을 하나 이상 고르세요.')
      .max(QA_LIMITS.channels, `채널은 한 번에 ${QA_LIMITS.channels}개까지 고를 수 있습니다.`)
      .refine((keys) => new Set(keys).size === keys.length, '같은 채널을 두 번 고를 수 없습니다.'),
    scenarios: z
      .array(z.enum(QA_SCENARIOS, { error: '알 수 없는 시나리오입니다.' }), {
        error: '시나리오 목록이 올바르지 않습니다.',
      })
      .min(1, '시나리오를 하나 이상 고르세요.')
      .refine((names) => new Set(names).size === names.length, '같은 시나리오를 두 번 고를 수 없습니다.'),
    issueTimeoutMs: z
      .number({ error: '타임아웃은 밀리초 단위 숫자여야 합니다.' })
      .int()
      .min(QA_LIMITS.minTimeoutMs, `타임아웃은 ${QA_LIMITS.minTimeoutMs}ms 이상이어야 합니다.`)
      .max(QA_LIMITS.maxTimeoutMs, `타임아웃은 ${QA_LIMITS.maxTimeoutMs / 1000}초 이하여야 합니다.`)
      .default(QA_LIMITS.defaultTimeoutMs),
    /** Required (true) by the server when a chosen channel is live: "실제 채널에서 실행함을 확인". */
    confirmLive: z.boolean().default(false),
  })
  .strict();

export type QaRunInput = z.input<typeof qaRunInputSchema>;
export type QaRunParsed = z.output<typeof qaRunInputSchema>;

/** A run id as the API takes it (uuid). */
export const qaRunIdSchema = z.uuid();
