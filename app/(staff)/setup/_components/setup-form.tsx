'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { ApiForm, showApiError } from '@/components/api-form';
import { EmailField, NewPasswordFields } from '@/components/auth-fields';
import { SubmitButton } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { api, ApiError, loadPage } from '@/lib/client/api';
import { AUTH_LIMITS, setupSchema, type SetupInput, type SetupValues } from '@/lib/validations/auth';

const FIELDS = ['email', 'name', 'password', 'passwordConfirm'] as const;

export function SetupForm() {
  const form = useForm<SetupInput, unknown, SetupValues>({
    resolver: zodResolver(setupSchema),
    defaultValues: { email: '', name: '', password: '', passwordConfirm: '' },
    mode: 'onTouched',
  });
  const { isSubmitting, isSubmitSuccessful } = form.formState;

  async function submit(values: SetupValues) {
    try {
      await api.setup(values);
      loadPage('/login?notice=created');
    } catch (error) {
      showApiError(form, error, FIELDS, '관리자 계정을 만들지 못했습니다. 잠시 후 다시 시도하세요.');
      // Setup is closed (an admin exists by now): signing in is the way on.
      if (error instanceof ApiError && error.status === 403) loadPage('/login');
    }
  }

  const busy = isSubmitting || isSubmitSuccessful;
  return (
    <ApiForm form={form} onValid={submit} label="첫 관리자 만들기" alertId="setup-alert">
      <EmailField form={form} name="email" id="setup-email" hint="로그인 ID로 씁니다." autoComplete="username" />
      <TextField
        form={form}
        name="name"
        id="setup-name"
        label="이름"
        required
        max={AUTH_LIMITS.name}
        autoComplete="name"
      />
      <NewPasswordFields
        form={form}
        names={['password', 'passwordConfirm']}
        ids={['setup-password', 'setup-password-confirm']}
        labels={['비밀번호', '비밀번호 확인']}
      />
      <SubmitButton size="lg" busy={busy} busyLabel="만드는 중…">
        관리자 계정 만들기
      </SubmitButton>
    </ApiForm>
  );
}
