import { z } from 'zod';

/** Channel keys are at most 55 characters (Iamport `channel_key`). */
export const CHANNEL_KEY_MAX = 55;

/** `PUT /api/settings/channels`: the default channel of the issue form and the channels hidden from agents. */
export const channelSettingsSchema = z
  .object({
    defaultChannelKey: z.string().min(1).max(CHANNEL_KEY_MAX).nullable(),
    hiddenChannelKeys: z
      .array(z.string().min(1).max(CHANNEL_KEY_MAX))
      .max(200, '숨길 채널은 200개까지 고를 수 있습니다.')
      .transform((keys) => [...new Set(keys)].sort()),
  })
  .strict()
  .refine((value) => !value.defaultChannelKey || !value.hiddenChannelKeys.includes(value.defaultChannelKey), {
    path: ['defaultChannelKey'],
    message: '숨긴 채널은 기본 채널로 정할 수 없습니다.',
  });

export type ChannelSettingsInput = z.input<typeof channelSettingsSchema>;
