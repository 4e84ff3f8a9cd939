'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiForm, showApiError } from '@/components/api-form';
import { NewPasswordFields, PasswordField } from '@/components/auth-fields';
import { SubmitButton } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { api } from '@/lib/client/api';
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/validations/auth';

const EMPTY: ChangePasswordInput = { currentPassword: '', newPassword: '', newPasswordConfirm: '' };
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirm'] as const;

/** Own password change; the server applies the same rule and ends every other session. */
export function ChangePasswordForm({ email }: { email: string }) {
  const schema = useMemo(() => changePasswordSchema(email), [email]);
  const [status, setStatus] = useState('');
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(schema), defaultValues: EMPTY, mode: 'onTouched' });
  const { reset, formState } = form;
  const { isSubmitting } = formState;

  async function submit(values: ChangePasswordInput) {
    setStatus('');
    try {
      await api.changePassword(values);
      reset(EMPTY);
      setStatus('비밀번호를 바꿨습니다. 다른 기기의 세션은 모두 끝났습니다.');
    } catch (error) {
      reset(EMPTY);
      showApiError(form, error, FIELDS, '비밀번호를 바꾸지 못했습니다. 잠시 후 다시 시도하세요.');
    }
  }

  return (
    <CardSection id="password-heading" title="비밀번호 변경">
      <ApiForm form={form} onValid={submit} labelledBy="password-heading" status={status}>
        <PasswordField
          form={form}
          name="currentPassword"
          id="password-current"
          label="현재 비밀번호"
          autoComplete="current-password"
        />
        <NewPasswordFields
          form={form}
          names={['newPassword', 'newPasswordConfirm']}
          ids={['password-new', 'password-confirm']}
          labels={['새 비밀번호', '새 비밀번호 확인']}
        />
        <SubmitButton busy={isSubmitting} busyLabel="바꾸는 중…">
          비밀번호 바꾸기
        </SubmitButton>
      </ApiForm>
    </CardSection>
  );
}
