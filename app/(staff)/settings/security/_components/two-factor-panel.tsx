'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { PasswordField } from '@/components/auth-fields';
import { Button, SubmitButton } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { TextField } from '@/components/ui/text-field';
import { api, ApiError, loadPage } from '@/lib/client/api';
import {
  AUTH_LIMITS,
  passwordConfirmSchema,
  totpCodeSchema,
  type PasswordConfirmInput,
  type TotpCodeInput,
  type TotpCodeValues,
} from '@/lib/validations/auth';

const failure = (error: unknown, fallback: string) => (error instanceof ApiError ? error.message : fallback);

/** The secret of an otpauth:// URI, in groups of four for typing into an authenticator app. */
function totpSecretFromUri(uri: string): string {
  try {
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    return secret.replace(/(.{4})/g, '$1 ').trim();
  } catch {
    return '';
  }
}

/**
 * TOTP for one's own account: start with the password, add the key to an authenticator app (shown
 * as text: no QR service sees it), confirm with a code; or turn it off with the password.
 */
export function TwoFactorPanel({ enabled, requiredByPolicy }: { enabled: boolean; requiredByPolicy: boolean }) {
  const [enrolment, setEnrolment] = useState<{ totpURI: string; backupCodes: string[] } | null>(null);
  return (
    <CardSection id="two-factor-heading" title="2단계 인증 (TOTP)">
      <p className="text-sm text-slate-800">
        현재 상태: <strong>{enabled ? '켜짐' : '꺼짐'}</strong>
        {enabled
          ? ' · 로그인할 때 인증 앱의 6자리 코드를 묻습니다.'
          : ' · 켜면 로그인할 때 비밀번호와 함께 인증 앱의 코드를 묻습니다.'}
      </p>
      {enabled ? (
        requiredByPolicy ? (
          <p className="text-sm text-slate-700">관리자가 2단계 인증을 요구하므로 끌 수 없습니다.</p>
        ) : (
          <DisableForm />
        )
      ) : enrolment ? (
        <ConfirmEnrolment enrolment={enrolment} onRestart={() => setEnrolment(null)} />
      ) : (
        <StartForm onStarted={setEnrolment} />
      )}
    </CardSection>
  );
}

function PasswordForm({
  id,
  label,
  submitLabel,
  busyLabel,
  danger = false,
  onSubmit,
}: {
  id: string;
  label: string;
  submitLabel: string;
  busyLabel: string;
  danger?: boolean;
  onSubmit: (password: string) => Promise<void>;
}) {
  const form = useForm<PasswordConfirmInput>({
    resolver: zodResolver(passwordConfirmSchema),
    defaultValues: { password: '' },
  });
  const { isSubmitting } = form.formState;
  return (
    <form
      method="post"
      aria-label={label}
      noValidate
      className="space-y-3"
      onSubmit={(event) =>
        void form.handleSubmit(async ({ password }) => {
          try {
            await onSubmit(password);
          } catch (error) {
            form.resetField('password');
            form.setError('password', { message: failure(error, '처리하지 못했습니다. 잠시 후 다시 시도하세요.') });
            form.setFocus('password');
          }
        })(event)
      }
    >
      <PasswordField
        form={form}
        name="password"
        id={id}
        label="현재 비밀번호"
        hint="본인 확인을 위해 입력합니다."
        autoComplete="current-password"
      />
      <SubmitButton variant={danger ? 'danger-outline' : 'primary'} busy={isSubmitting} busyLabel={busyLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

function StartForm({ onStarted }: { onStarted: (enrolment: { totpURI: string; backupCodes: string[] }) => void }) {
  return (
    <PasswordForm
      id="two-factor-start-password"
      label="2단계 인증 설정 시작"
      submitLabel="2단계 인증 설정 시작"
      busyLabel="준비 중…"
      onSubmit={async (password) => onStarted(await api.startTwoFactor(password))}
    />
  );
}

function DisableForm() {
  return (
    <PasswordForm
      id="two-factor-disable-password"
      label="2단계 인증 끄기"
      submitLabel="2단계 인증 끄기"
      busyLabel="끄는 중…"
      danger
      onSubmit={async (password) => {
        await api.disableTwoFactor(password);
        loadPage('/settings/security?notice=two_factor_off');
      }}
    />
  );
}

function ConfirmEnrolment({
  enrolment,
  onRestart,
}: {
  enrolment: { totpURI: string; backupCodes: string[] };
  onRestart: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<TotpCodeInput, unknown, TotpCodeValues>({
    resolver: zodResolver(totpCodeSchema),
    defaultValues: { code: '' },
  });
  const { isSubmitting, isSubmitSuccessful } = form.formState;
  useEffect(() => headingRef.current?.focus(), []);

  async function confirm({ code }: TotpCodeValues) {
    try {
      await api.confirmTwoFactor(code);
      loadPage('/settings/security?notice=two_factor_on');
    } catch (error) {
      form.resetField('code');
      form.setError('code', { message: failure(error, '확인하지 못했습니다. 다시 시도하세요.') });
      form.setFocus('code');
    }
  }

  return (
    <div className="space-y-4">
      <h3 ref={headingRef} tabIndex={-1} className="font-semibold">
        인증 앱에 이 계정을 추가하세요
      </h3>
      <p className="text-sm text-slate-800">
        인증 앱(Google Authenticator, Microsoft Authenticator 등)에서 &lsquo;설정 키 입력&rsquo;을 고르고 아래 키를
        입력하거나, otpauth 주소를 지원하는 앱이면 주소를 붙여 넣으세요. 이 화면을 벗어나면 키를 다시 볼 수 없습니다.
      </p>
      <dl className="space-y-3 text-sm">
        <div>
          <dt className="font-medium">설정 키 (시간 기준, 6자리, 30초)</dt>
          <dd>
            <code
              data-testid="totp-secret"
              className="block rounded bg-slate-100 px-3 py-2 font-mono text-base break-all"
            >
              {totpSecretFromUri(enrolment.totpURI)}
            </code>
          </dd>
        </div>
        <div>
          <dt className="font-medium">otpauth 주소</dt>
          <dd>
            <code data-testid="totp-uri" className="block rounded bg-slate-100 px-3 py-2 font-mono text-xs break-all">
              {enrolment.totpURI}
            </code>
          </dd>
        </div>
        <div>
          <dt className="font-medium">
            복구 코드 (휴대폰을 잃었을 때 한 번씩 쓸 수 있습니다. 안전한 곳에 따로 보관하세요)
          </dt>
          <dd>
            <ul className="grid grid-cols-2 gap-1 font-mono sm:grid-cols-5">
              {enrolment.backupCodes.map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <form
        method="post"
        aria-label="2단계 인증 확인"
        noValidate
        className="space-y-3"
        onSubmit={(event) => void form.handleSubmit(confirm)(event)}
      >
        <TextField
          form={form}
          name="code"
          id="two-factor-confirm-code"
          label="인증 앱에 표시된 코드"
          required
          max={AUTH_LIMITS.totpCode}
          inputMode="numeric"
          autoComplete="one-time-code"
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={isSubmitting || isSubmitSuccessful}>
            {isSubmitting ? '확인 중…' : '확인하고 켜기'}
          </Button>
          <Button variant="link" onClick={onRestart}>
            처음부터 다시
          </Button>
        </div>
      </form>
    </div>
  );
}
