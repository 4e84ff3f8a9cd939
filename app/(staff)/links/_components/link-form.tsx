'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm, useWatch, type Control } from 'react-hook-form';
import type { FormValues } from '@/app/(staff)/keys/new/_components/form-values';
import { ChannelSelect, MANUAL_CHANNEL } from '@/app/(staff)/keys/new/_components/channel-select';
import { NO_AUTOFILL } from '@/app/(staff)/keys/new/_components/card-input';
import { ReplaceNotice } from '@/app/(staff)/keys/new/_components/replace-notice';
import { CopyButton } from '@/components/copy-button';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormSection } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { api, ApiError } from '@/lib/client/api';
import { queries } from '@/lib/client/query';
import { requiredFieldsFor } from '@/lib/gateways/catalog';
import { providerOfPg } from '@/lib/gateways/catalog';
import type { CurrentKeyCheck } from '@/lib/model/billing-keys';
import type { CreatedLink } from '@/lib/model/links';
import { ISSUE_LIMITS, proposeCustomerUid } from '@/lib/validations/billing-key';
import { createLinkSchema, type LinkDelivery } from '@/lib/validations/links';
import { LinkLive } from './link-live';
import { LinkQr } from './link-qr';

interface LinkFormValues {
  customer_uid: string;
  pg: string;
  channel_key: string;
  customer_id: string;
  customer_name: string;
  customer_tel: string;
  customer_email: string;
  replace_confirmed: boolean;
}

const EMPTY: LinkFormValues = {
  customer_uid: '',
  pg: '',
  channel_key: '',
  customer_id: '',
  customer_name: '',
  customer_tel: '',
  customer_email: '',
  replace_confirmed: false,
};
const FIELDS = Object.keys(EMPTY) as (keyof LinkFormValues)[];

type LimitedField = 'pg' | 'customer_uid' | 'customer_name' | 'customer_tel' | 'customer_email' | 'customer_id';

/**
 * "Send a link": the channel, customer_uid and customer as on the issue form, minus the card. The
 * replacement guard runs here; then the link (URL, QR, copy, send) and its live state.
 */
export function LinkForm() {
  const channelsQuery = useQuery(queries.channels());
  const queryClient = useQueryClient();
  const [pickedChannel, setPickedChannel] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedLink | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [current, setCurrent] = useState<CurrentKeyCheck['current']>(null);
  const create = useMutation({ mutationFn: api.createLink });
  const send = useMutation({
    mutationFn: (channel: LinkDelivery) => api.sendLink(created!.link.id, { token: created!.token, channel }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['links', created?.link.id ?? ''] }),
  });

  const form = useForm<LinkFormValues>({
    resolver: zodResolver(createLinkSchema) as never,
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const { register, control, handleSubmit, setValue, setError, formState } = form;
  const { errors } = formState;
  const pgValue = useWatch({ control, name: 'pg' });
  const watched = useWatch({ control });
  const provider = providerOfPg(pgValue);
  const needsBuyerId = requiredFieldsFor(provider).includes('customer_id');

  const keyIn = channelsQuery.data?.filter((channel) => channel.keyIn) ?? [];
  const defaultChannel =
    keyIn.find((channel) => channel.isDefault) ?? keyIn.find((channel) => !channel.hidden) ?? keyIn[0];
  const channelChoice = pickedChannel ?? defaultChannel?.channelKey ?? (channelsQuery.isError ? MANUAL_CHANNEL : '');
  useEffect(() => {
    if (pickedChannel !== null || !defaultChannel) return;
    setValue('pg', defaultChannel.pg);
    setValue('channel_key', defaultChannel.channelKey);
  }, [pickedChannel, defaultChannel, setValue]);

  function chooseChannel(choice: string) {
    setPickedChannel(choice);
    const channel = channelsQuery.data?.find((candidate) => candidate.channelKey === choice);
    setValue('channel_key', channel?.channelKey ?? '');
    setValue('pg', channel?.pg ?? '', { shouldValidate: Boolean(channel) });
  }

  async function lookUp(uid: string) {
    if (!uid || uid.length > ISSUE_LIMITS.customer_uid) return setCurrent(null);
    try {
      const check = await queryClient.fetchQuery(queries.currentKey(uid));
      setCurrent(check.current);
    } catch {
      setCurrent(null);
    }
  }

  async function submit(values: LinkFormValues) {
    setFailure(null);
    try {
      setCreated(await create.mutateAsync(values));
    } catch (error) {
      if (!(error instanceof ApiError)) return setFailure('알 수 없는 오류가 발생했습니다.');
      const body = error.body;
      if (body.code === 'validation_failed' && body.fields) {
        for (const field of FIELDS)
          if (body.fields[field]) setError(field, { type: 'server', message: body.fields[field] });
        if (!FIELDS.some((field) => body.fields?.[field])) setFailure(body.message);
        return;
      }
      if (body.code === 'replacement_unconfirmed') {
        if (body.existing) setCurrent({ billingKey: body.existing, source: 'stored' });
        setError('replace_confirmed', { type: 'server', message: body.message });
        return;
      }
      setFailure(body.message);
    }
  }

  if (created) {
    const delivery = created.delivery ?? { email: false, webhook: false };
    return (
      <div className="space-y-6">
        <section
          aria-labelledby="link-created-title"
          className="space-y-3 rounded-xl border border-slate-300 bg-white p-4"
        >
          <h2 id="link-created-title" className="text-lg font-bold text-slate-900">
            카드 등록 링크
          </h2>
          <p className="text-sm text-slate-700">
            이 주소는 지금 한 번만 보입니다. 고객에게 보내거나 QR 코드를 보여 주세요. 고객(
            {created.link.customerName ?? '이름 없음'}
            )이 자기 휴대폰에서 카드를 입력합니다.
          </p>
          <div className="flex flex-wrap items-start gap-4">
            <LinkQr url={created.url} />
            <div className="min-w-0 flex-1 space-y-2">
              <Field id="link-url" label="링크 주소">
                {(a11y) => <Input {...a11y} readOnly value={created.url} mono className="text-xs" />}
              </Field>
              <CopyButton value={created.url} label="링크 주소 복사" />
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={!delivery.email || !created.link.customerEmail || send.isPending}
                  onClick={() => send.mutate('email')}
                >
                  이메일로 보내기
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={!delivery.webhook || !created.link.customerTel || send.isPending}
                  onClick={() => send.mutate('webhook')}
                >
                  문자/알림톡으로 보내기
                </Button>
              </div>
              <p className="text-xs text-slate-600">
                {delivery.email ? '' : '이메일 발송은 설정되지 않았습니다 (SMTP_URL). '}
                {delivery.webhook ? '' : '문자/알림톡 발송(웹훅)은 설정되지 않았습니다 (LINK_WEBHOOK_URL). '}
              </p>
              <div role="status" aria-live="polite" className="text-sm">
                {send.isPending && '보내는 중…'}
                {send.data && '발송 결과를 아래 진행 기록에 남겼습니다.'}
                {send.error && <span className="text-red-800">{send.error.message}</span>}
              </div>
            </div>
          </div>
        </section>
        <LinkLive id={created.link.id} />
        <Button variant="secondary" onClick={() => setCreated(null)}>
          새 링크 만들기
        </Button>
      </div>
    );
  }

  const text = (name: keyof LinkFormValues) => register(name);
  // Typing is never cut short: past the limit the field says "N자 초과" (as in the issue form).
  const limitFor = (name: LimitedField) => ({ max: ISSUE_LIMITS[name], length: String(watched[name] ?? '').length });
  return (
    <form
      onSubmit={(event) => void handleSubmit(submit)(event)}
      noValidate
      autoComplete="off"
      aria-label="카드 등록 링크 보내기"
      className="space-y-6"
    >
      <FormSection legend="채널과 고객 결제수단 ID" disabled={create.isPending}>
        <ChannelSelect
          channels={channelsQuery.data}
          loading={channelsQuery.isLoading}
          loadError={channelsQuery.error ? channelsQuery.error.message : null}
          onRetry={() => channelsQuery.refetch()}
          value={channelChoice}
          onChange={chooseChannel}
          error={channelChoice === MANUAL_CHANNEL ? undefined : errors.pg?.message}
        />
        {channelChoice === MANUAL_CHANNEL && (
          <Field id="pg" label="PG 구분코드" apiName="pg" required limit={limitFor('pg')} error={errors.pg?.message}>
            {(a11y) => <Input {...a11y} {...text('pg')} {...NO_AUTOFILL} />}
          </Field>
        )}
        <Field
          id="customer_uid"
          label="고객 결제수단 ID"
          apiName="customer_uid"
          required
          limit={limitFor('customer_uid')}
          error={errors.customer_uid?.message}
        >
          {(a11y) => (
            <div className="flex gap-2">
              <Input
                {...a11y}
                {...register('customer_uid', { onBlur: (event) => void lookUp(event.target.value) })}
                {...NO_AUTOFILL}
              />
              <Button
                variant="secondary"
                onClick={() => {
                  setValue('customer_uid', proposeCustomerUid(), { shouldValidate: true });
                  setCurrent(null);
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
            // It watches the customer fields by name; this form has the same names (minus the address).
            control={control as unknown as Control<FormValues>}
            confirm={register('replace_confirmed')}
            error={errors.replace_confirmed?.message}
          />
        )}
      </FormSection>
      <FormSection legend="고객" disabled={create.isPending}>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field
            id="customer_name"
            label="고객 이름"
            apiName="customer_name"
            limit={limitFor('customer_name')}
            error={errors.customer_name?.message}
          >
            {(a11y) => <Input {...a11y} {...text('customer_name')} {...NO_AUTOFILL} />}
          </Field>
          <Field
            id="customer_tel"
            label="휴대폰 번호"
            apiName="customer_tel"
            limit={limitFor('customer_tel')}
            error={errors.customer_tel?.message}
            hint="문자/알림톡으로 보낼 때 씁니다."
          >
            {(a11y) => <Input {...a11y} {...text('customer_tel')} inputMode="tel" {...NO_AUTOFILL} />}
          </Field>
          <Field
            id="customer_email"
            label="이메일"
            apiName="customer_email"
            limit={limitFor('customer_email')}
            error={errors.customer_email?.message}
            hint="이메일로 보낼 때 씁니다."
          >
            {(a11y) => <Input {...a11y} {...text('customer_email')} inputMode="email" {...NO_AUTOFILL} />}
          </Field>
          <Field
            id="customer_id"
            label="구매자 ID"
            apiName="customer_id"
            required={needsBuyerId}
            limit={limitFor('customer_id')}
            error={errors.customer_id?.message}
          >
            {(a11y) => <Input {...a11y} {...text('customer_id')} {...NO_AUTOFILL} />}
          </Field>
        </div>
      </FormSection>
      {failure && <Alert tone="error">{failure}</Alert>}
      <Button type="submit" size="lg" disabled={create.isPending}>
        {create.isPending ? '링크 만드는 중…' : '링크 만들기'}
      </Button>
    </form>
  );
}
