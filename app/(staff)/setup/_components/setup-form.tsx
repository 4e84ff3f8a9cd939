'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { FormAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { NewPasswordFields, TextField } from '@/components/ui/text-field';
import { api, ApiError, loadPage } from '@/lib/client/api';
import { AUTH_LIMITS, PASSWORD_HINT, setupSchema, type SetupInput, type SetupValues } from '@/lib/validations/auth';

const FIELDS = ['email', 'name', 'password', 'passwordConfirm'] as const;

export function SetupForm() {
  const form = useForm<SetupInput, unknown, SetupValues>({
    resolver: zodResolver(setupSchema),
    defaultValues: { email: '', name: '', password: '', passwordConfirm: '' },
    mode: 'onTouched',
  });
  const { handleSubmit, setError, setFocus, formState } = form;
  const { errors, isSubmitting, isSubmitSuccessful } = formState;

  async function submit(values: SetupValues) {
    try {
      await api.setup(values);
      loadPage('/login?notice=created');
    } catch (error) {
      if (error instanceof ApiError) {
        const fieldErrors = FIELDS.filter((field) => error.fields[field]);
        for (const field of fieldErrors) setError(field, { message: error.fields[field] });
        if (fieldErrors[0]) setFocus(fieldErrors[0]);
        else setError('root.serverError', { message: error.message });
        if (error.status === 403) loadPage('/login');
        return;
      }
      setError('root.serverError', { message: '관리자 계정을 만들지 못했습니다. 잠시 후 다시 시도하세요.' });
    }
  }

  const busy = isSubmitting || isSubmitSuccessful;
  return (
    <form
      onSubmit={(event) => void handleSubmit(submit)(event)}
      noValidate
      aria-label="첫 관리자 만들기"
      className="space-y-4"
    >
      <FormAlert id="setup-alert">{errors.root?.serverError?.message}</FormAlert>
      <TextField
        form={form}
        name="email"
        id="setup-email"
        label="이메일"
        required
        hint="로그인 ID로 씁니다."
        max={AUTH_LIMITS.email}
        type="email"
        autoComplete="username"
      />
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
        hint={PASSWORD_HINT}
        max={AUTH_LIMITS.passwordMax}
      />
      <Button type="submit" size="lg" disabled={busy}>
        {busy ? '만드는 중…' : '관리자 계정 만들기'}
      </Button>
    </form>
  );
}
