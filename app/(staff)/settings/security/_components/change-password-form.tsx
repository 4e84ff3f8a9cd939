'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormAlert, FormStatus } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { NewPasswordFields, TextField } from '@/components/ui/text-field';
import { api, ApiError } from '@/lib/client/api';
import { AUTH_LIMITS, changePasswordSchema, PASSWORD_HINT, type ChangePasswordInput } from '@/lib/validations/auth';

const EMPTY: ChangePasswordInput = { currentPassword: '', newPassword: '', newPasswordConfirm: '' };
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirm'] as const;

/** Own password change; the server applies the same rule and ends every other session. */
export function ChangePasswordForm({ email }: { email: string }) {
  const schema = useMemo(() => changePasswordSchema(email), [email]);
  const [status, setStatus] = useState('');
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(schema), defaultValues: EMPTY, mode: 'onTouched' });
  const { handleSubmit, setError, setFocus, reset, formState } = form;
  const { errors, isSubmitting } = formState;

  async function submit(values: ChangePasswordInput) {
    setStatus('');
    try {
      await api.changePassword(values);
      reset(EMPTY);
      setStatus('비밀번호를 바꿨습니다. 다른 기기의 세션은 모두 끝났습니다.');
    } catch (error) {
      reset(EMPTY);
      if (error instanceof ApiError) {
        const fieldErrors = FIELDS.filter((field) => error.fields[field]);
        for (const field of fieldErrors) setError(field, { message: error.fields[field] });
        if (fieldErrors[0]) setFocus(fieldErrors[0]);
        else setError('root.serverError', { message: error.message });
        return;
      }
      setError('root.serverError', { message: '비밀번호를 바꾸지 못했습니다. 잠시 후 다시 시도하세요.' });
    }
  }

  return (
    <CardSection id="password-heading" title="비밀번호 변경">
      <form
        onSubmit={(event) => void handleSubmit(submit)(event)}
        noValidate
        aria-labelledby="password-heading"
        className="space-y-4"
      >
        <FormAlert>{errors.root?.serverError?.message}</FormAlert>
        <TextField
          form={form}
          name="currentPassword"
          id="password-current"
          label="현재 비밀번호"
          required
          max={AUTH_LIMITS.passwordMax}
          type="password"
          autoComplete="current-password"
        />
        <NewPasswordFields
          form={form}
          names={['newPassword', 'newPasswordConfirm']}
          ids={['password-new', 'password-confirm']}
          labels={['새 비밀번호', '새 비밀번호 확인']}
          hint={PASSWORD_HINT}
          max={AUTH_LIMITS.passwordMax}
        />
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? '바꾸는 중…' : '비밀번호 바꾸기'}
        </Button>
        <FormStatus>{status}</FormStatus>
      </form>
    </CardSection>
  );
}
