'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { ApiForm } from '@/components/api-form';
import { Button } from '@/components/ui/button';
import type { CurrentKey, CurrentKeyCheck } from '@/lib/model/billing-keys';
import { api, ApiError, type DuplicateCardMatch } from '@/lib/client/api';
import { queries, queryKeys } from '@/lib/client/query';
import { providerOfPg } from '@/lib/gateways/catalog';
import { rejectedFieldOf } from '@/lib/gateways/explain';
import { isKnownTestCard } from '@/lib/gateways/test-cards';
import { ISSUE_LIMITS, SENSITIVE_FIELDS, issueBillingKeySchema } from '@/lib/validations/billing-key';
import { CardFields } from '@/components/card-form/card-fields';
import { ChannelMarker } from './channel-marker';
import { CustomerFields } from '@/components/card-form/customer-fields';
import { EMPTY, FIELD_ORDER, type FormValues } from '@/components/card-form/form-values';
import { MANUAL_CHANNEL } from '@/components/card-form/channel-select';
import { ChannelUidSection, useChannelChoice } from '@/components/card-form/channel-uid-section';
import { IssueOutcome, type Outcome } from './issue-outcome';
import { DuplicateCardNotice } from './duplicate-card-notice';
import { CUSTOMER_CARRIED } from '@/components/card-form/replace-notice';
import { SessionWarning, SignInDialog, useSessionKeeper } from './session-keeper';

/** Card fields left alone this long are wiped (at most half the session's idle limit, so always first). */
const CARD_IDLE_MAX_MS = 3 * 60_000;

export function IssueForm() {
  const channelsQuery = useQuery(queries.channels());
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const submitting = useRef(false);
  // One key per submission: a retry after a lost answer reuses it, so the server issues at most once.
  const idempotencyKey = useRef<string | null>(null);
  // Fields are disabled while submitting and cannot take focus, so focus moves once it is over.
  const [focusTarget, setFocusTarget] = useState<FieldPath<FormValues> | null>(null);
  const issue = useMutation({ mutationFn: api.issueBillingKey });
  const session = useSessionKeeper();
  // A submission the session's end cut off: sent again (same idempotency key) once signed back in.
  const [resubmitPending, setResubmitPending] = useState(false);
  const [cardWipedIdle, setCardWipedIdle] = useState(false);
  // Other keys holding the typed card, waiting for the agent's answer; the set of ids they accepted.
  const [duplicates, setDuplicates] = useState<DuplicateCardMatch[] | null>(null);
  const acceptedDuplicates = useRef('');
  const cardIdleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cardIdleMs = Math.min(CARD_IDLE_MAX_MS, (session.clock?.idleTimeoutMs ?? 15 * 60_000) / 2);
  const queryClient = useQueryClient();
  // The customer_uid whose current key was looked up (on leaving the field, and before submitting).
  const [checkedUid, setCheckedUid] = useState('');
  const currentQuery = useQuery({ ...queries.currentKey(checkedUid), enabled: checkedUid !== '' });

  const form = useForm<FormValues>({
    resolver: zodResolver(issueBillingKeySchema),
    defaultValues: EMPTY,
    mode: 'onTouched',
    shouldFocusError: true,
  });
  const { control, handleSubmit, getValues, setValue, setError, setFocus, resetField, formState } = form;
  const { errors } = formState;
  const busy = issue.isPending || formState.isSubmitting;

  const pgValue = useWatch({ control, name: 'pg' });
  const provider = providerOfPg(pgValue);
  const uidValue = useWatch({ control, name: 'customer_uid' });
  const current: CurrentKey | null = checkedUid === uidValue ? (currentQuery.data?.current ?? null) : null;

  /** Looks up what the customer_uid holds now; the form never replaces a card silently. */
  async function checkCurrent(uid: string): Promise<CurrentKeyCheck | null> {
    if (!uid || uid.length > ISSUE_LIMITS.customer_uid) return null;
    setCheckedUid(uid);
    return queryClient.fetchQuery(queries.currentKey(uid));
  }

  const channel = useChannelChoice(form, channelsQuery);

  useEffect(() => {
    if (!focusTarget || busy) return;
    setFocus(focusTarget);
    setFocusTarget(null); // eslint-disable-line react-hooks/set-state-in-effect
  }, [focusTarget, busy, setFocus]);

  // When the replace notice appears, the customer's stored details fill the fields left empty, so a
  // replacement never erases them (the server keeps them too) and the agent sees what will change.
  const prefilledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!current) {
      prefilledFor.current = null;
      return;
    }
    if (prefilledFor.current === current.billingKey.customerUid) return;
    prefilledFor.current = current.billingKey.customerUid;
    for (const [field, key] of CUSTOMER_CARRIED) {
      const stored = current.billingKey[key];
      if (stored && !getValues(field)) setValue(field, stored);
    }
  }, [current, getValues, setValue]);

  // The first field to fill, when the form opens (the channel is chosen already).
  useEffect(() => {
    setFocus('customer_uid');
  }, [setFocus]);

  useEffect(() => {
    // A rejection naming one field puts the agent in that field instead; the panel is read out (aria-live).
    if (!outcome || (outcome.kind === 'rejected' && outcome.field)) return;
    const heading = outcomeRef.current?.querySelector<HTMLElement>('h2');
    heading?.focus();
    heading?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [outcome]);

  const wipeCardFields = useCallback(() => {
    for (const field of SENSITIVE_FIELDS) resetField(field, { defaultValue: '' });
  }, [resetField]);

  /** Any input or click in the form: the idle wipe of the card starts over, and the session is kept alive. */
  function noteActivity() {
    if (cardIdleTimer.current) clearTimeout(cardIdleTimer.current);
    cardIdleTimer.current = setTimeout(() => {
      if (!SENSITIVE_FIELDS.some((field) => getValues(field))) return;
      wipeCardFields();
      setCardWipedIdle(true);
    }, cardIdleMs);
    if (cardWipedIdle) setCardWipedIdle(false);
    session.noteActivity();
  }
  useEffect(() => () => clearTimeout(cardIdleTimer.current ?? undefined), []);

  function wipeCardNow() {
    wipeCardFields();
    setFocusTarget('card_number');
  }

  /**
   * What a failed submission leaves of the card: everything when the answer says nothing about it
   * (no answer, session, validation, server or Iamport unreachable); one field when the PG named it;
   * nothing when the PG refused the card itself.
   */
  function settleCardFields(error: unknown) {
    if (!(error instanceof ApiError) || error.body.code !== 'card_rejected') return;
    const field = rejectedFieldOf(error.body.iamportMessage ?? error.body.message);
    if (!field) {
      wipeCardFields();
      return;
    }
    resetField(field, { defaultValue: '' });
    setFocusTarget(field);
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
    let guardCheck: string | undefined;
    try {
      const check = await checkCurrent(values.customer_uid);
      existing = check?.current ?? null;
      guardCheck = check?.guardCheck ?? undefined;
    } catch {
      // The server checks again before issuing; a failed look-up here must not block the agent.
    }
    if (existing && !values.replace_confirmed) {
      setError('replace_confirmed', { type: 'guard', message: '교체하려면 위 카드를 확인하고 확인란을 선택하세요.' });
      setFocusTarget('replace_confirmed');
      return;
    }
    if (!(await duplicateCheckPasses(values))) return;
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const result = await issue.mutateAsync({
        ...values,
        replace_confirmed: Boolean(existing && values.replace_confirmed),
        guard_check: guardCheck,
        idempotency_key: idempotencyKey.current,
      });
      idempotencyKey.current = null;
      setOutcome({ kind: 'issued', result });
      setValue('replace_confirmed', false);
      // The card just issued is on screen; the next submission looks the customer_uid up again.
      setCheckedUid('');
      queryClient.removeQueries({ queryKey: queryKeys.currentKey(values.customer_uid) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // Signed out (idle, expired, revoked): nothing was sent to Iamport. Sign in over the form,
        // then the same submission goes again with the same idempotency key.
        setResubmitPending(true);
        session.markEnded();
        return;
      }
      // The server answered, so this submission is settled; only a lost answer keeps the key for a retry.
      if (!(error instanceof ApiError && error.status === 0)) idempotencyKey.current = null;
      settleCardFields(error);
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
    if (error.status === 0) {
      // No answer at all: the request may or may not have reached the server, so offer the look-up.
      setOutcome({
        kind: 'unknown',
        message: `${body.message} 요청이 서버에 닿았는지 알 수 없습니다. 다시 발급하기 전에 조회하세요.`,
        customerUid,
      });
      return;
    }
    if (body.code === 'validation_failed' && body.fields) {
      const fields = FIELD_ORDER.filter((field) => body.fields?.[field]);
      for (const field of fields) setError(field, { type: 'server', message: body.fields[field] });
      const first = fields[0];
      if (first) setFocusTarget(first as FieldPath<FormValues>);
      return;
    }
    if (body.code === 'replacement_unconfirmed') {
      setCheckedUid(customerUid);
      if (body.existing) {
        const check: CurrentKeyCheck = { current: { billingKey: body.existing, source: 'stored' }, guardCheck: null };
        queryClient.setQueryData(queryKeys.currentKey(customerUid), check);
      }
      setError('replace_confirmed', { type: 'server', message: body.message });
      setFocusTarget('replace_confirmed');
      return;
    }
    if (body.code === 'card_rejected') {
      setOutcome({
        kind: 'rejected',
        message: body.message,
        iamportMessage: body.iamportMessage ?? '',
        pgCode: body.pgCode ?? null,
        field: rejectedFieldOf(body.iamportMessage ?? body.message),
      });
    } else if (body.code === 'outcome_unknown') {
      setOutcome({ kind: 'unknown', message: body.message, customerUid });
    } else {
      setOutcome({ kind: 'error', message: body.message, errorId: body.errorId });
    }
  }

  /**
   * The same card on other customer_uids: shown with their ids and names, and issuing waits for
   * 그래도 발급. The digits compared (first 6, last 4) go in a request body and are kept nowhere.
   * A look-up that fails does not block (a hint, not a guard).
   */
  async function duplicateCheckPasses(values: FormValues): Promise<boolean> {
    const digits = values.card_number.replace(/\D/g, '');
    // The sandbox's published test cards are everyone's: the same one on many ids is expected.
    if (digits.length < 10 || isKnownTestCard(values.card_number)) return true;
    let matches: DuplicateCardMatch[];
    try {
      matches = await api.duplicateCards({
        bin6: digits.slice(0, 6),
        last4: digits.slice(-4),
        customer_uid: values.customer_uid,
      });
    } catch {
      return true;
    }
    const found = matches
      .map((match) => match.customerUid)
      .sort()
      .join('\n');
    if (!found || found === acceptedDuplicates.current) return true;
    setDuplicates(matches);
    return false;
  }

  function issueDespiteDuplicates() {
    if (!duplicates) return;
    acceptedDuplicates.current = duplicates
      .map((match) => match.customerUid)
      .sort()
      .join('\n');
    setDuplicates(null);
    void handleSubmit(submit)();
  }

  function signedIn(account: Parameters<typeof session.signedIn>[0]) {
    session.signedIn(account);
    if (!resubmitPending) return;
    setResubmitPending(false);
    void handleSubmit(submit)();
  }

  function startOver() {
    form.reset({ ...EMPTY, pg: form.getValues('pg'), channel_key: form.getValues('channel_key') });
    setOutcome(null);
    // Through the effect: the button that had focus is gone only after the re-render.
    setFocusTarget('customer_uid');
  }

  return (
    <div
      className="grid grid-cols-1 items-start gap-x-6 gap-y-4 lg:grid-cols-[minmax(0,1fr)_16rem]"
      onInput={noteActivity}
      onPointerDown={noteActivity}
    >
      <SignInDialog
        open={session.promptOpen}
        email={session.email}
        resubmits={resubmitPending}
        onOpenChange={(open) => {
          if (!open) session.dismiss();
        }}
        onSignedIn={signedIn}
      />
      <aside aria-label="발급 채널" className="sticky top-0 z-10 lg:top-4 lg:order-last">
        <ChannelMarker channel={channel.chosen} manualPg={channel.choice === MANUAL_CHANNEL ? (pgValue ?? '') : ''} />
      </aside>
      <div className="min-w-0 space-y-6">
        <SessionWarning clock={session.ended ? null : session.clock} onContinue={() => void session.refresh()} />
        <ApiForm form={form} onValid={submit} label="빌링키 발급" autoComplete="off" className="space-y-6">
          <ChannelUidSection
            form={form}
            channels={channelsQuery}
            channel={channel}
            busy={busy}
            current={current}
            onUidBlur={(uid) => void checkCurrent(uid).catch(() => null)}
          />

          <CardFields
            control={control}
            errors={errors}
            provider={provider}
            busy={busy}
            channel={channel.chosen}
            idleWipe={{ minutes: cardIdleMs / 60_000, happened: cardWipedIdle, onWipe: wipeCardNow }}
          />
          <CustomerFields form={form} provider={provider} busy={busy} />

          {duplicates && (
            <DuplicateCardNotice
              matches={duplicates}
              onIssue={issueDespiteDuplicates}
              onCancel={() => {
                setDuplicates(null);
                setFocusTarget('card_number');
              }}
            />
          )}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" size="lg" disabled={busy}>
              {busy ? '발급 요청 중…' : '빌링키 발급'}
            </Button>
            {outcome && (
              <Button variant="secondary" size="lg" onClick={startOver}>
                새 고객 입력
              </Button>
            )}
            <p role="status" aria-live="polite" className="text-sm text-slate-700">
              {busy ? 'Iamport에 발급을 요청하고 있습니다. PG 응답에 최대 30초가 걸릴 수 있습니다.' : ''}
            </p>
          </div>
        </ApiForm>

        <div ref={outcomeRef} aria-live="polite">
          {outcome && <IssueOutcome outcome={outcome} onFoundIssued={wipeCardFields} />}
        </div>
      </div>
    </div>
  );
}
