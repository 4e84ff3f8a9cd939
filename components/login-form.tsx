'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiForm, showApiError } from '@/components/api-form';
import { EmailField, PasswordField } from '@/components/auth-fields';
import { Button, SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { api, ApiError, loadPage, type AccountView } from '@/lib/client/api';
import {
  AUTH_LIMITS,
  signInSchema,
  totpCodeSchema,
  type SignInInput,
  type SignInValues,
  type TotpCodeInput,
  type TotpCodeValues,
} from '@/lib/validations/auth';

const FAILED = '로그인하지 못했습니다. 잠시 후 다시 시도하세요.';

/**
 * Email and password, then the TOTP code when the account has 2FA; then on to `next`. With
 * `onSignedIn` (signing in again over a form, which must not be left): no navigation, the account
 * is handed back instead; `email` fixes the account to sign back into.
 */
export function LoginForm({
  next,
  email,
  onSignedIn,
}: {
  next: string;
  email?: string;
  onSignedIn?: (account: AccountView) => void;
}) {
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [leaving, setLeaving] = useState(false);

  const passwordForm = useForm<SignInInput, unknown, SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: email ?? '', password: '' },
    mode: 'onTouched',
  });
  const codeForm = useForm<TotpCodeInput, unknown, TotpCodeValues>({
    resolver: zodResolver(totpCodeSchema),
    defaultValues: { code: '' },
  });

  useEffect(() => {
    if (step === 'code') codeForm.setFocus('code');
  }, [step, codeForm]);

  /** Signed in: to the 2FA page if the policy demands it, else where the user was going. */
  async function proceed() {
    setLeaving(true);
    const account = await api.account().catch(() => null);
    if (onSignedIn && account && !account.mustEnrollTwoFactor) {
      setLeaving(false);
      setStep('password');
      onSignedIn(account);
      return;
    }
    loadPage(account?.mustEnrollTwoFactor ? '/settings/security?required=1' : next);
  }

  async function submitPassword(values: SignInValues) {
    try {
      const result = await api.signIn(values.email, values.password);
      passwordForm.resetField('password');
      if (result.twoFactorRedirect) setStep('code');
      else await proceed();
    } catch (error) {
      passwordForm.resetField('password');
      showApiError(passwordForm, error, [], FAILED);
      passwordForm.setFocus('password');
    }
  }

  async function submitCode(values: TotpCodeValues) {
    try {
      await api.verifySignInCode(values.code);
      await proceed();
    } catch (error) {
      codeForm.resetField('code');
      const restart =
        error instanceof ApiError &&
        ['INVALID_TWO_FACTOR_COOKIE', 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE'].includes(error.code);
      if (restart) {
        setStep('password');
        showApiError(passwordForm, error, [], FAILED);
        setTimeout(() => passwordForm.setFocus('email'), 0);
        return;
      }
      showApiError(codeForm, error, [], FAILED);
      codeForm.setFocus('code');
    }
  }

  if (step === 'code') {
    const busy = codeForm.formState.isSubmitting || leaving;
    return (
      <ApiForm form={codeForm} onValid={submitCode} label="인증 코드 입력" alertId="login-code-alert">
        <p className="text-sm text-slate-700">
          이 계정은 2단계 인증을 씁니다. 인증 앱(Google Authenticator 등)에 표시된 6자리 코드를 입력하세요.
        </p>
        <TextField
          form={codeForm}
          name="code"
          id="login-code"
          label="인증 코드"
          required
          max={AUTH_LIMITS.totpCode}
          inputMode="numeric"
          autoComplete="one-time-code"
        />
        <div className="flex flex-wrap gap-3">
          <SubmitButton size="lg" busy={busy} busyLabel="확인 중…">
            확인
          </SubmitButton>
          <Button
            variant="secondary"
            size="lg"
            onClick={() => {
              setStep('password');
              setTimeout(() => passwordForm.setFocus('email'), 0);
            }}
          >
            처음부터 다시
          </Button>
        </div>
      </ApiForm>
    );
  }

  const busy = passwordForm.formState.isSubmitting || leaving;
  return (
    <ApiForm form={passwordForm} onValid={submitPassword} label="로그인" alertId="login-alert">
      <EmailField form={passwordForm} name="email" id="login-email" readOnly={Boolean(email)} autoComplete="username" />
      <PasswordField
        form={passwordForm}
        name="password"
        id="login-password"
        label="비밀번호"
        autoComplete="current-password"
      />
      <SubmitButton size="lg" busy={busy} busyLabel="로그인 중…">
        로그인
      </SubmitButton>
    </ApiForm>
  );
}
