'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ChannelUidSection, useChannelChoice } from '@/components/card-form/channel-uid-section';
import { CustomerFields, type CustomerFieldSpec } from '@/components/card-form/customer-fields';
import { CopyButton } from '@/components/copy-button';
import { Alert } from '@/components/ui/alert';
import { ApiForm } from '@/components/api-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { api, ApiError } from '@/lib/client/api';
import { queries, queryKeys } from '@/lib/client/query';
import { providerOfPg } from '@/lib/gateways/catalog';
import type { CurrentKeyCheck } from '@/lib/model/billing-keys';
import type { CreatedLink } from '@/lib/model/links';
import { ISSUE_LIMITS } from '@/lib/validations/billing-key';
import { createLinkSchema, type CreateLinkInput, type LinkDelivery } from '@/lib/validations/links';
import { LinkLive } from './link-live';
import { LinkQr } from './link-qr';

type LinkFormValues = CreateLinkInput;

const EMPTY: Required<LinkFormValues> = {
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

/** The customer fields a link needs: who it goes to and how it is sent; the PG may need the buyer id. */
const LINK_CUSTOMER_FIELDS: readonly CustomerFieldSpec[] = [
  { name: 'customer_name', label: '고객 이름' },
  { name: 'customer_tel', label: '휴대폰 번호', hint: '문자/알림톡으로 보낼 때 씁니다.', input: { inputMode: 'tel' } },
  { name: 'customer_email', hint: '이메일로 보낼 때 씁니다.', input: { inputMode: 'email' } },
  { name: 'customer_id' },
];

/**
 * "Send a link": the channel, customer_uid and customer as on the issue form, minus the card. The
 * replacement guard runs here; then the link (URL, QR, copy, send) and its live state.
 */
export function LinkForm() {
  const channelsQuery = useQuery(queries.channels());
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedLink | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [current, setCurrent] = useState<CurrentKeyCheck['current']>(null);
  const create = useMutation({ mutationFn: api.createLink });
  const send = useMutation({
    mutationFn: (channel: LinkDelivery) => api.sendLink(created!.link.id, { token: created!.token, channel }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.link(created?.link.id ?? '') }),
  });

  const form = useForm<LinkFormValues>({
    resolver: zodResolver(createLinkSchema),
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const { setError } = form;
  const provider = providerOfPg(useWatch({ control: form.control, name: 'pg' }));
  const channel = useChannelChoice(form, channelsQuery);
  // The made link replaces the form: focus moves to it, not to the top of the page.
  const createdHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

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
          <h2 id="link-created-title" ref={createdHeading} tabIndex={-1} className="text-lg font-bold text-slate-900">
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
                {delivery.email ? '' : '이메일 발송이 설정되어 있지 않습니다. '}
                {delivery.webhook ? '' : '문자/알림톡 발송이 설정되어 있지 않습니다. '}
                {delivery.email && delivery.webhook
                  ? ''
                  : '주소를 복사해 보내거나 QR 코드를 보여 주세요 (설정은 관리자가 링크 설정에서 확인합니다).'}
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

  return (
    <ApiForm form={form} onValid={submit} label="카드 등록 링크 보내기" autoComplete="off" className="space-y-6">
      <ChannelUidSection
        form={form}
        channels={channelsQuery}
        channel={channel}
        busy={create.isPending}
        current={current}
        onUidBlur={(uid) => void lookUp(uid)}
        onNewUid={() => setCurrent(null)}
      />
      <CustomerFields
        form={form}
        provider={provider}
        busy={create.isPending}
        legend="고객"
        fields={LINK_CUSTOMER_FIELDS}
      />
      {failure && <Alert tone="error">{failure}</Alert>}
      <Button type="submit" size="lg" disabled={create.isPending}>
        {create.isPending ? '링크 만드는 중…' : '링크 만들기'}
      </Button>
    </ApiForm>
  );
}
