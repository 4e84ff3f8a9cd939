'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
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

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : '로그인하지 못했습니다. 잠시 후 다시 시도하세요.';

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
      passwordForm.setError('root.serverError', { message: messageOf(error) });
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
        passwordForm.setError('root.serverError', { message: messageOf(error) });
        setTimeout(() => passwordForm.setFocus('email'), 0);
        return;
      }
      codeForm.setError('root.serverError', { message: messageOf(error) });
      codeForm.setFocus('code');
    }
  }

  if (step === 'code') {
    const { errors, isSubmitting } = codeForm.formState;
    const busy = isSubmitting || leaving;
    return (
      <form
        onSubmit={(event) => void codeForm.handleSubmit(submitCode)(event)}
        noValidate
        aria-label="인증 코드 입력"
        className="space-y-4"
      >
        <p className="text-sm text-slate-700">
          이 계정은 2단계 인증을 씁니다. 인증 앱(Google Authenticator 등)에 표시된 6자리 코드를 입력하세요.
        </p>
        <FormAlert id="login-code-alert">{errors.root?.serverError?.message}</FormAlert>
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
          <Button type="submit" size="lg" disabled={busy}>
            {busy ? '확인 중…' : '확인'}
          </Button>
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
      </form>
    );
  }

  const { errors, isSubmitting } = passwordForm.formState;
  const busy = isSubmitting || leaving;
  return (
    <form
      onSubmit={(event) => void passwordForm.handleSubmit(submitPassword)(event)}
      noValidate
      aria-label="로그인"
      className="space-y-4"
    >
      <FormAlert id="login-alert">{errors.root?.serverError?.message}</FormAlert>
      <TextField
        form={passwordForm}
        name="email"
        id="login-email"
        label="이메일"
        required
        max={AUTH_LIMITS.email}
        readOnly={Boolean(email)}
        type="email"
        autoComplete="username"
      />
      <TextField
        form={passwordForm}
        name="password"
        id="login-password"
        label="비밀번호"
        required
        max={AUTH_LIMITS.passwordMax}
        type="password"
        autoComplete="current-password"
      />
      <Button type="submit" size="lg" disabled={busy}>
        {busy ? '로그인 중…' : '로그인'}
      </Button>
    </form>
  );
}
