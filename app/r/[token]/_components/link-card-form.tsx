'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { CardFields } from '@/components/card-form/card-fields';
import { EMPTY, FIELD_ORDER, type FormValues } from '@/components/card-form/form-values';
import { ApiForm } from '@/components/api-form';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/components/ui/cn';
import { api, ApiError } from '@/lib/client/api';
import type { LinkRegistered } from '@/lib/model/links';
import { SENSITIVE_FIELDS } from '@/lib/validations/billing-key';
import { buildLinkCardSchema, CONSENT_REQUIRED_MESSAGE } from '@/lib/validations/links';
import { providerOfPg } from '@/lib/gateways/catalog';

type Result =
  | { kind: 'registered'; card: LinkRegistered }
  | { kind: 'gone'; message: string }
  | { kind: 'failed'; message: string };

/**
 * The card fields of the agent's form (same components, same schema and messages) with the
 * merchant's terms. The card lives in this page's memory for one request and is wiped after it.
 */
export function LinkCardForm({
  token,
  pg,
  providerName,
  terms,
}: {
  token: string;
  pg: string;
  providerName: string;
  terms: string;
}) {
  const schema = useMemo(() => buildLinkCardSchema(pg), [pg]);
  const form = useForm<FormValues>({
    resolver: zodResolver(schema) as never,
    defaultValues: EMPTY,
    mode: 'onTouched',
    shouldFocusError: true,
  });
  const { control, setError, setFocus, resetField, formState } = form;
  const [consent, setConsent] = useState(false);
  const [consentError, setConsentError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef<string | null>(null);
  const consentRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<FieldPath<FormValues> | null>(null);

  useEffect(() => {
    if (result) resultRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [result]);
  useEffect(() => {
    if (!focusTarget || busy) return;
    setFocus(focusTarget);
    setFocusTarget(null); // eslint-disable-line react-hooks/set-state-in-effect
  }, [focusTarget, busy, setFocus]);

  function wipeCard() {
    for (const field of SENSITIVE_FIELDS) resetField(field, { defaultValue: '' });
  }

  async function submit(values: FormValues) {
    if (busy) return;
    if (!consent) {
      setConsentError(CONSENT_REQUIRED_MESSAGE);
      consentRef.current?.focus();
      return;
    }
    setBusy(true);
    setResult(null);
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const card = await api.submitLink({
        token,
        consent: true,
        card_number: values.card_number,
        expiry: values.expiry,
        birth: values.birth,
        pwd_2digit: values.pwd_2digit,
        cvc: values.cvc,
        idempotency_key: idempotencyKey.current,
      });
      idempotencyKey.current = null;
      setResult({ kind: 'registered', card });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 0)) idempotencyKey.current = null;
      showError(error);
    } finally {
      wipeCard();
      setBusy(false);
    }
  }

  function showError(error: unknown) {
    if (!(error instanceof ApiError)) {
      setResult({ kind: 'failed', message: '알 수 없는 오류가 발생했습니다. 잠시 후 다시 시도하세요.' });
      return;
    }
    const body = error.body;
    if (body.code === 'validation_failed' && body.fields) {
      if (body.fields.consent) setConsentError(body.fields.consent);
      const fields = FIELD_ORDER.filter((field) => body.fields?.[field]);
      for (const field of fields) setError(field, { type: 'server', message: body.fields[field] });
      if (fields[0]) setFocusTarget(fields[0] as FieldPath<FormValues>);
      return;
    }
    if (body.code === 'not_found' || body.code === 'forbidden') {
      setResult({ kind: 'gone', message: body.message });
      return;
    }
    setResult({ kind: 'failed', message: body.message });
  }

  if (result?.kind === 'registered') {
    return (
      <div ref={resultRef}>
        <ResultPanel tone="success" title="등록되었습니다">
          <p className="text-base">
            {result.card.cardName ?? '카드'}{' '}
            <span className="font-mono whitespace-nowrap">{result.card.cardNumberMasked ?? ''}</span>
          </p>
          <p className="text-sm">이 창을 닫아도 됩니다. 상담원에게 등록을 마쳤다고 알려 주세요.</p>
        </ResultPanel>
      </div>
    );
  }
  if (result?.kind === 'gone') {
    return (
      <div ref={resultRef}>
        <ResultPanel tone="error" title="등록할 수 없습니다">
          <p className="text-base">{result.message}</p>
        </ResultPanel>
      </div>
    );
  }

  const provider = providerOfPg(pg);
  return (
    <div className="space-y-5">
      <ApiForm form={form} onValid={submit} label="카드 등록" autoComplete="off" className="space-y-5">
        <p className="text-sm text-slate-700">결제대행사: {providerName}</p>
        <CardFields
          control={control}
          errors={formState.errors}
          provider={provider}
          busy={busy}
          channel={undefined}
          forCustomer
        />
        <fieldset disabled={busy} className="space-y-2">
          <legend className="text-base font-semibold text-slate-900">약관 동의</legend>
          <div
            id="link-terms"
            tabIndex={0}
            role="region"
            aria-label="카드 등록 약관"
            className="max-h-48 overflow-y-auto rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm whitespace-pre-line text-slate-800"
          >
            {terms}
          </div>
          <label className="flex items-start gap-2 text-base">
            <span className="flex h-6 items-center">
              <Checkbox
                ref={consentRef}
                id="consent"
                checked={consent}
                onChange={(event) => {
                  setConsent(event.target.checked);
                  if (event.target.checked) setConsentError(null);
                }}
                aria-invalid={Boolean(consentError)}
                aria-describedby={consentError ? 'consent-error' : undefined}
                aria-required
                className="size-5"
              />
            </span>
            <span>위 약관에 동의합니다 (필수)</span>
          </label>
          {consentError && (
            <p id="consent-error" className="text-sm text-red-700">
              {consentError}
            </p>
          )}
        </fieldset>
        <Button type="submit" size="lg" disabled={busy} className="w-full">
          {busy ? '등록 중…' : '카드 등록'}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {busy ? '카드사에 등록을 요청하고 있습니다. 최대 30초가 걸릴 수 있습니다. 창을 닫지 마세요.' : ''}
        </p>
      </ApiForm>
      <div ref={resultRef} aria-live="polite">
        {result?.kind === 'failed' && (
          <ResultPanel tone="error" title="카드가 등록되지 않았습니다" small>
            <p className="text-base">{result.message}</p>
          </ResultPanel>
        )}
      </div>
    </div>
  );
}

/** What became of the customer's submission; its heading takes focus (tabIndex -1) when it appears. */
function ResultPanel({
  tone,
  title,
  small = false,
  children,
}: {
  tone: 'success' | 'error';
  title: string;
  /** A failure the customer can retry sits below the form, a size smaller than a final answer. */
  small?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby="link-result-title"
      className={cn(
        'space-y-2 rounded-xl border p-4',
        tone === 'success'
          ? 'border-emerald-300 bg-emerald-50 text-emerald-950'
          : 'border-red-300 bg-red-50 text-red-950',
      )}
    >
      <h2 id="link-result-title" tabIndex={-1} className={cn('font-bold', small ? 'text-lg' : 'text-xl')}>
        {title}
      </h2>
      {children}
    </section>
  );
}
