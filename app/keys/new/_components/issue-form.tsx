'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { Controller, useForm, useWatch, type Control, type FieldPath } from 'react-hook-form';
import { Field, inputClass, type FieldA11yProps } from '@/components/field';
import type { CurrentKey } from '@/lib/billing-keys/types';
import { api, ApiError } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query';
import { pgProviderInfo, providerOfPg, requiredFieldsFor, type PerPgField } from '@/lib/pg/catalog';
import { formatCardNumber, formatExpiry } from '@/lib/validations/card';
import {
  ISSUE_LIMITS,
  SENSITIVE_FIELDS,
  issueBillingKeySchema,
  proposeCustomerUid,
  type IssueBillingKeyInput,
} from '@/lib/validations/billing-key';
import { ChannelSelect, MANUAL_CHANNEL } from './channel-select';
import { IssueOutcome, type Outcome } from './issue-outcome';
import { ReplaceNotice } from './replace-notice';

const EMPTY: Required<Omit<IssueBillingKeyInput, 'idempotency_key'>> = {
  customer_uid: '',
  pg: '',
  channel_key: '',
  card_number: '',
  expiry: '',
  birth: '',
  pwd_2digit: '',
  cvc: '',
  customer_id: '',
  customer_name: '',
  customer_tel: '',
  customer_email: '',
  customer_addr: '',
  customer_postcode: '',
  replace_confirmed: false,
};
type FormValues = typeof EMPTY;
const FIELD_ORDER = Object.keys(EMPTY) as (keyof FormValues)[];

/** Attributes that keep browsers and password managers from filling or saving card data. */
const NO_AUTOFILL = {
  autoComplete: 'off',
  autoCorrect: 'off',
  spellCheck: false,
  'data-1p-ignore': true,
  'data-lpignore': 'true',
  'data-form-type': 'other',
} as const;

/**
 * A card-data input bound through Controller, so its DOM name can differ from the API field name
 * (browsers key autofill and "save card" offers on names like `cvc`).
 */
function CardInput({
  control,
  name,
  domName,
  a11y,
  format = (value) => value,
  ...rest
}: {
  control: Control<FormValues>;
  name: (typeof SENSITIVE_FIELDS)[number];
  domName: string;
  a11y: FieldA11yProps;
  format?: (value: string) => string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'onBlur'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <input
          {...a11y}
          {...NO_AUTOFILL}
          {...rest}
          ref={field.ref}
          name={domName}
          value={field.value}
          onBlur={field.onBlur}
          onChange={(event) => field.onChange(format(event.target.value))}
        />
      )}
    />
  );
}

const sectionClass = 'space-y-4 rounded-xl border border-slate-200 bg-white p-5';

export function IssueForm() {
  const channelsQuery = useQuery({ queryKey: queryKeys.channels(), queryFn: api.channels });
  const [pickedChannel, setPickedChannel] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const submitting = useRef(false);
  // One key per submission: a retry after a lost answer reuses it, so the server issues at most once.
  const idempotencyKey = useRef<string | null>(null);
  // Fields are disabled while submitting and cannot take focus, so focus moves once it is over.
  const [focusTarget, setFocusTarget] = useState<FieldPath<FormValues> | null>(null);
  const issue = useMutation({ mutationFn: api.issueBillingKey });
  const queryClient = useQueryClient();
  // The customer_uid whose current key was looked up (on leaving the field, and before submitting).
  const [checkedUid, setCheckedUid] = useState('');
  const currentQuery = useQuery({
    queryKey: queryKeys.currentKey(checkedUid),
    queryFn: () => api.currentKey(checkedUid),
    enabled: checkedUid !== '',
    staleTime: 0,
  });

  const form = useForm<FormValues>({
    resolver: zodResolver(issueBillingKeySchema) as never,
    defaultValues: EMPTY,
    mode: 'onTouched',
    shouldFocusError: true,
  });
  const { register, control, handleSubmit, setValue, setError, setFocus, resetField, formState } = form;
  const { errors } = formState;
  const busy = issue.isPending || formState.isSubmitting;

  const provider = providerOfPg(useWatch({ control, name: 'pg' }));
  const uidValue = useWatch({ control, name: 'customer_uid' });
  const current: CurrentKey | null = checkedUid === uidValue ? (currentQuery.data ?? null) : null;

  /** Looks up what the customer_uid holds now; the form never replaces a card silently. */
  async function checkCurrent(uid: string): Promise<CurrentKey | null> {
    if (!uid || uid.length > ISSUE_LIMITS.customer_uid) return null;
    setCheckedUid(uid);
    return queryClient.fetchQuery({ queryKey: queryKeys.currentKey(uid), queryFn: () => api.currentKey(uid), staleTime: 0 });
  }
  const providerInfo = pgProviderInfo(provider);
  const required = new Set<PerPgField>(requiredFieldsFor(provider));
  const isRequired = (field: PerPgField) => required.has(field);
  const reason = (field: PerPgField) => (isRequired(field) ? providerInfo?.reasons?.[field] : undefined);

  function chooseChannel(choice: string) {
    setPickedChannel(choice);
    const channel = channelsQuery.data?.find((candidate) => candidate.channelKey === choice);
    setValue('channel_key', channel?.channelKey ?? '');
    setValue('pg', channel?.pg ?? '', { shouldValidate: Boolean(channel) });
    if (choice === MANUAL_CHANNEL) setTimeout(() => setFocus('pg'), 0);
  }

  // Until the agent picks one, the first key-in channel is chosen; manual entry if the list failed.
  const defaultChannel = channelsQuery.data?.find((channel) => channel.keyIn);
  const channelChoice = pickedChannel ?? defaultChannel?.channelKey ?? (channelsQuery.isError ? MANUAL_CHANNEL : '');
  useEffect(() => {
    if (pickedChannel !== null || !defaultChannel) return;
    setValue('pg', defaultChannel.pg);
    setValue('channel_key', defaultChannel.channelKey);
  }, [pickedChannel, defaultChannel, setValue]);

  useEffect(() => {
    if (!focusTarget || busy) return;
    setFocus(focusTarget);
    setFocusTarget(null); // eslint-disable-line react-hooks/set-state-in-effect
  }, [focusTarget, busy, setFocus]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [outcome]);

  function wipeCardFields() {
    for (const field of SENSITIVE_FIELDS) resetField(field, { defaultValue: '' });
  }

  async function submit(values: FormValues) {
    // A ref, not state: a double click lands before React re-renders the disabled button.
    if (submitting.current) return;
    submitting.current = true;
    try {
      await submitOnce(values);
    } finally {
      submitting.current = false;
    }
  }

  async function submitOnce(values: FormValues) {
    setOutcome(null);
    let existing: CurrentKey | null = null;
    try {
      existing = await checkCurrent(values.customer_uid);
    } catch {
      // The server checks again before issuing; a failed look-up here must not block the agent.
    }
    if (existing && !values.replace_confirmed) {
      setError('replace_confirmed', { type: 'guard', message: '교체하려면 위 카드를 확인하고 확인란을 선택하세요.' });
      setFocusTarget('replace_confirmed');
      return;
    }
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const result = await issue.mutateAsync({
        ...values,
        replace_confirmed: Boolean(existing && values.replace_confirmed),
        idempotency_key: idempotencyKey.current,
      });
      idempotencyKey.current = null;
      setOutcome({ kind: 'issued', result });
      setValue('replace_confirmed', false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.currentKey(values.customer_uid) });
    } catch (error) {
      // The server answered, so this submission is settled; only a lost answer keeps the key for a retry.
      if (!(error instanceof ApiError && error.status === 0)) idempotencyKey.current = null;
      wipeCardFields();
      showError(error, values.customer_uid);
      return;
    }
    wipeCardFields();
  }

  function showError(error: unknown, customerUid: string) {
    if (!(error instanceof ApiError)) {
      setOutcome({ kind: 'error', message: '알 수 없는 오류가 발생했습니다.' });
      return;
    }
    const body = error.body;
    if (body.code === 'validation_failed' && body.fields) {
      const fields = FIELD_ORDER.filter((field) => body.fields?.[field]);
      for (const field of fields) setError(field, { type: 'server', message: body.fields[field] });
      const first = fields[0];
      if (first) setFocusTarget(first as FieldPath<FormValues>);
      return;
    }
    if (body.code === 'replacement_unconfirmed') {
      setCheckedUid(customerUid);
      if (body.existing) queryClient.setQueryData(queryKeys.currentKey(customerUid), { billingKey: body.existing, source: 'stored' });
      setError('replace_confirmed', { type: 'server', message: body.message });
      setFocusTarget('replace_confirmed');
      return;
    }
    if (body.code === 'card_rejected') {
      setOutcome({ kind: 'rejected', message: body.message, iamportMessage: body.iamportMessage ?? '', pgCode: body.pgCode ?? null });
    } else if (body.code === 'outcome_unknown') {
      setOutcome({ kind: 'unknown', message: body.message, customerUid });
    } else {
      setOutcome({ kind: 'error', message: body.message, errorId: body.errorId });
    }
  }

  function startOver() {
    form.reset({ ...EMPTY, pg: form.getValues('pg'), channel_key: form.getValues('channel_key') });
    setOutcome(null);
    setFocus('customer_uid');
  }

  const text = (name: keyof FormValues) => register(name);

  return (
    <div className="space-y-6">
      <form onSubmit={(event) => void handleSubmit(submit)(event)} noValidate autoComplete="off" aria-label="빌링키 발급" className="space-y-6">
        <fieldset className={sectionClass} disabled={busy}>
          <legend className="px-1 text-base font-semibold">채널과 고객 결제수단 ID</legend>
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
            <Field
              id="pg"
              label="PG 구분코드"
              apiName="pg"
              required
              error={errors.pg?.message}
              hint="PG사 또는 PG사.상점아이디 (예: nice, kcp.IPXC). 잘못 입력하면 Iamport가 기본 PG로 발급하므로 정확히 입력하세요."
            >
              {(a11y) => <input {...a11y} {...text('pg')} maxLength={ISSUE_LIMITS.pg} className={inputClass} {...NO_AUTOFILL} />}
            </Field>
          )}
          <Field
            id="customer_uid"
            label="고객 결제수단 ID"
            apiName="customer_uid"
            required
            error={errors.customer_uid?.message}
            hint="고객 × 카드마다 고유해야 합니다. 이미 있는 ID로 발급하면 기존 카드가 교체됩니다."
          >
            {(a11y) => (
              <div className="flex gap-2">
                <input
                  {...a11y}
                  {...register('customer_uid', { onBlur: (event) => void checkCurrent(event.target.value).catch(() => null) })}
                  maxLength={ISSUE_LIMITS.customer_uid}
                  className={inputClass}
                  {...NO_AUTOFILL}
                />
                <button
                  type="button"
                  onClick={() => setValue('customer_uid', proposeCustomerUid(), { shouldValidate: true })}
                  className="shrink-0 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium hover:bg-slate-100"
                >
                  새 ID 만들기
                </button>
              </div>
            )}
          </Field>
          {current && <ReplaceNotice current={current} confirm={register('replace_confirmed')} error={errors.replace_confirmed?.message} />}
        </fieldset>

        <fieldset className={sectionClass} disabled={busy}>
          <legend className="px-1 text-base font-semibold">카드 정보</legend>
          <p className="text-xs text-slate-600">카드 정보는 저장되지 않으며 발급 요청이 끝나면 화면에서도 지워집니다.</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="card_number" label="카드번호" apiName="card_number" required error={errors.card_number?.message} hint="숫자만 입력하면 하이픈이 자동으로 들어갑니다.">
              {(a11y) => (
                <CardInput
                  control={control}
                  name="card_number"
                  domName="bk-card"
                  a11y={a11y}
                  format={formatCardNumber}
                  inputMode="numeric"
                  placeholder="XXXX-XXXX-XXXX-XXXX"
                  maxLength={ISSUE_LIMITS.card_number}
                  className={`${inputClass} font-mono tracking-wider`}
                />
              )}
            </Field>
            <Field id="expiry" label="유효기간" apiName="expiry" required error={errors.expiry?.message} hint="연도-월 (예: 2028-12). 카드의 MM/YY도 붙여 넣을 수 있습니다.">
              {(a11y) => (
                <CardInput
                  control={control}
                  name="expiry"
                  domName="bk-exp"
                  a11y={a11y}
                  format={formatExpiry}
                  inputMode="numeric"
                  placeholder="YYYY-MM"
                  maxLength={ISSUE_LIMITS.expiry}
                  className={`${inputClass} font-mono`}
                />
              )}
            </Field>
            <Field
              id="birth"
              label="생년월일 또는 사업자등록번호"
              apiName="birth"
              required={isRequired('birth')}
              error={errors.birth?.message}
              hint={reason('birth') ?? '개인카드는 생년월일 6자리(YYMMDD), 법인카드는 사업자등록번호 10자리.'}
            >
              {(a11y) => (
                <CardInput control={control} name="birth" domName="bk-owner" a11y={a11y} inputMode="numeric" maxLength={ISSUE_LIMITS.birth} className={`${inputClass} font-mono`} />
              )}
            </Field>
            <Field
              id="pwd_2digit"
              label="카드 비밀번호 앞 2자리"
              apiName="pwd_2digit"
              required={isRequired('pwd_2digit')}
              error={errors.pwd_2digit?.message}
              hint={reason('pwd_2digit') ?? '법인카드는 보통 생략합니다.'}
            >
              {(a11y) => (
                <CardInput control={control} name="pwd_2digit" domName="bk-p2" a11y={a11y} inputMode="numeric" maxLength={ISSUE_LIMITS.pwd_2digit} className={`${inputClass} masked-input w-24 font-mono`} />
              )}
            </Field>
            <Field
              id="cvc"
              label="CVC"
              apiName="cvc"
              required={isRequired('cvc')}
              error={errors.cvc?.message}
              hint={reason('cvc') ?? '카드 뒷면 3자리(AMEX 4자리). 페이먼트월에서만 씁니다.'}
            >
              {(a11y) => (
                <CardInput control={control} name="cvc" domName="bk-c" a11y={a11y} inputMode="numeric" maxLength={ISSUE_LIMITS.cvc} className={`${inputClass} masked-input w-24 font-mono`} />
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset className={sectionClass} disabled={busy}>
          <legend className="px-1 text-base font-semibold">고객 정보</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="customer_name" label="카드 소유자 이름" apiName="customer_name" required={isRequired('customer_name')} error={errors.customer_name?.message} hint={reason('customer_name')}>
              {(a11y) => <input {...a11y} {...text('customer_name')} maxLength={ISSUE_LIMITS.customer_name} className={inputClass} {...NO_AUTOFILL} />}
            </Field>
            <Field id="customer_id" label="구매자 ID" apiName="customer_id" required={isRequired('customer_id')} error={errors.customer_id?.message} hint={reason('customer_id') ?? '가맹점이 쓰는 회원 ID.'}>
              {(a11y) => <input {...a11y} {...text('customer_id')} maxLength={ISSUE_LIMITS.customer_id} className={inputClass} {...NO_AUTOFILL} />}
            </Field>
            <Field id="customer_tel" label="연락처" apiName="customer_tel" error={errors.customer_tel?.message} hint="예: 010-1234-5678">
              {(a11y) => <input {...a11y} {...text('customer_tel')} type="tel" inputMode="tel" maxLength={ISSUE_LIMITS.customer_tel} className={inputClass} {...NO_AUTOFILL} />}
            </Field>
            <Field id="customer_email" label="이메일" apiName="customer_email" error={errors.customer_email?.message}>
              {(a11y) => <input {...a11y} {...text('customer_email')} type="email" maxLength={ISSUE_LIMITS.customer_email} className={inputClass} {...NO_AUTOFILL} />}
            </Field>
            <Field id="customer_addr" label="주소" apiName="customer_addr" error={errors.customer_addr?.message}>
              {(a11y) => <input {...a11y} {...text('customer_addr')} maxLength={ISSUE_LIMITS.customer_addr} className={inputClass} {...NO_AUTOFILL} />}
            </Field>
            <Field id="customer_postcode" label="우편번호" apiName="customer_postcode" error={errors.customer_postcode?.message}>
              {(a11y) => <input {...a11y} {...text('customer_postcode')} inputMode="numeric" maxLength={ISSUE_LIMITS.customer_postcode} className={`${inputClass} w-32`} {...NO_AUTOFILL} />}
            </Field>
          </div>
        </fieldset>

        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-blue-700 px-6 py-3 text-base font-semibold text-white hover:bg-blue-800 disabled:cursor-wait disabled:opacity-60"
          >
            {busy ? '발급 요청 중…' : '빌링키 발급'}
          </button>
          {outcome && (
            <button type="button" onClick={startOver} className="rounded-md border border-slate-400 bg-white px-4 py-3 text-sm font-medium hover:bg-slate-100">
              새 고객 입력
            </button>
          )}
          <p role="status" aria-live="polite" className="text-sm text-slate-700">
            {busy ? 'Iamport에 발급을 요청하고 있습니다. PG 응답에 최대 30초가 걸릴 수 있습니다.' : ''}
          </p>
        </div>
      </form>

      <div ref={outcomeRef} aria-live="polite">
        {outcome && <IssueOutcome outcome={outcome} />}
      </div>
    </div>
  );
}
