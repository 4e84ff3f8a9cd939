'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useWatch, type Control, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { FormSection } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { CurrentKey } from '@/lib/model/billing-keys';
import type { ListedChannel } from '@/lib/model/settings';
import { ISSUE_LIMITS, proposeCustomerUid } from '@/lib/validations/billing-key';
import { NO_AUTOFILL } from './card-input';
import { ChannelSelect, MANUAL_CHANNEL } from './channel-select';
import type { FormValues } from './form-values';
import { ReplaceNotice } from './replace-notice';

/** The fields this section owns, which the issue form and the link form both have. */
export interface ChannelUidValues {
  pg: string;
  channel_key?: string;
  customer_uid: string;
  replace_confirmed?: boolean;
}

/** Any form whose values hold those fields, whatever its resolver makes of them. */
type FormWithChannel<T extends ChannelUidValues> = UseFormReturn<T, unknown, FieldValues>;

/**
 * Both forms' values hold these fields; react-hook-form's types cannot see that through a generic,
 * so the one cast of the section is here.
 */
const narrow = <T extends ChannelUidValues>(form: FormWithChannel<T>) =>
  form as unknown as UseFormReturn<ChannelUidValues>;

export interface ChannelChoice {
  /** A channel key, MANUAL_CHANNEL (free `pg` entry), or '' while the list loads. */
  choice: string;
  chosen: ListedChannel | undefined;
  choose: (choice: string) => void;
}

/**
 * The channel a form issues on. Until the agent picks one, the admin's default channel is chosen
 * (else the first key-in one not hidden from agents); manual entry if the list failed. Agents never
 * receive hidden channels. Picking one sets `pg` and `channel_key`; manual entry focuses `pg`.
 */
export function useChannelChoice<T extends ChannelUidValues>(
  form: FormWithChannel<T>,
  channels: UseQueryResult<ListedChannel[]>,
): ChannelChoice {
  const { setValue, setFocus } = narrow(form);
  const [picked, setPicked] = useState<string | null>(null);
  const keyIn = channels.data?.filter((channel) => channel.keyIn) ?? [];
  const fallback = keyIn.find((channel) => channel.isDefault) ?? keyIn.find((channel) => !channel.hidden) ?? keyIn[0];
  const choice = picked ?? fallback?.channelKey ?? (channels.isError ? MANUAL_CHANNEL : '');
  useEffect(() => {
    if (picked !== null || !fallback) return;
    setValue('pg', fallback.pg);
    setValue('channel_key', fallback.channelKey);
  }, [picked, fallback, setValue]);
  function choose(next: string) {
    setPicked(next);
    const channel = channels.data?.find((candidate) => candidate.channelKey === next);
    setValue('channel_key', channel?.channelKey ?? '');
    setValue('pg', channel?.pg ?? '', { shouldValidate: Boolean(channel) });
    if (next === MANUAL_CHANNEL) setTimeout(() => setFocus('pg'), 0);
  }
  return { choice, chosen: channels.data?.find((channel) => channel.channelKey === choice), choose };
}

/**
 * The channel and the customer_uid, as the issue form and the link form ask them: the channel list
 * (or free `pg` entry), the id with 새 ID 만들기, and the replacement notice when the id holds a card.
 * No field is cut short while typed; past its limit it says by how much.
 */
export function ChannelUidSection<T extends ChannelUidValues>({
  form,
  channels,
  channel,
  busy,
  current,
  onUidBlur,
  onNewUid,
}: {
  form: FormWithChannel<T>;
  channels: UseQueryResult<ListedChannel[]>;
  channel: ChannelChoice;
  busy: boolean;
  /** What the customer_uid holds now, once looked up. */
  current: CurrentKey | null;
  onUidBlur: (uid: string) => void;
  onNewUid?: () => void;
}) {
  const { register, control, setValue, formState } = narrow(form);
  const { errors } = formState;
  const [pg, uid] = useWatch({ control, name: ['pg', 'customer_uid'] });
  const manual = channel.choice === MANUAL_CHANNEL;
  // Both are required API fields with a length limit the control does not enforce.
  const requiredField = (name: 'pg' | 'customer_uid', label: string, value: string | undefined) => ({
    id: name,
    label,
    apiName: name,
    required: true,
    limit: { max: ISSUE_LIMITS[name], length: (value ?? '').length },
    error: errors[name]?.message,
  });
  return (
    <FormSection legend="채널과 고객 결제수단 ID" disabled={busy}>
      <ChannelSelect
        channels={channels.data}
        loading={channels.isLoading}
        loadError={channels.error ? channels.error.message : null}
        onRetry={() => channels.refetch()}
        value={channel.choice}
        onChange={channel.choose}
        error={manual ? undefined : errors.pg?.message}
      />
      {manual && (
        <Field
          {...requiredField('pg', 'PG 구분코드', pg)}
          hint="PG사 또는 PG사.상점아이디 (예: nice, kcp.IPXC). 잘못 입력하면 Iamport가 기본 PG로 발급하므로 정확히 입력하세요."
        >
          {(a11y) => <Input {...a11y} {...register('pg')} {...NO_AUTOFILL} />}
        </Field>
      )}
      <Field
        {...requiredField('customer_uid', '고객 결제수단 ID', uid)}
        hint="고객 × 카드마다 고유해야 합니다. 이미 있는 ID로 발급하면 기존 카드가 교체됩니다."
      >
        {(a11y) => (
          <div className="flex gap-2">
            <Input
              {...a11y}
              {...register('customer_uid', { onBlur: (event) => onUidBlur(event.target.value) })}
              {...NO_AUTOFILL}
            />
            <Button
              variant="secondary"
              onClick={() => {
                setValue('customer_uid', proposeCustomerUid(), { shouldValidate: true });
                onNewUid?.();
              }}
            >
              새 ID 만들기
            </Button>
          </div>
        )}
      </Field>
      {current && (
        <ReplaceNotice
          current={current}
          // It watches the customer fields by name; both forms use the issue form's names.
          control={control as unknown as Control<FormValues>}
          confirm={register('replace_confirmed')}
          error={errors.replace_confirmed?.message}
        />
      )}
    </FormSection>
  );
}
