'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ApiForm, showApiError } from '@/components/api-form';
import { EmailField, PasswordField } from '@/components/auth-fields';
import { SubmitButton } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { TextField } from '@/components/ui/text-field';
import { api } from '@/lib/client/api';
import {
  AUTH_LIMITS,
  PASSWORD_HINT,
  ROLE_LABELS,
  ROLES,
  staffCreateSchema,
  type StaffCreateInput,
  type StaffCreateValues,
} from '@/lib/validations/auth';

const EMPTY: StaffCreateInput = { email: '', name: '', role: 'agent', password: '' };
const FIELDS = ['email', 'name', 'role', 'password'] as const;

/** An admin creates an account with a role and an initial password to hand over in person. */
export function CreateStaffForm() {
  const router = useRouter();
  const [status, setStatus] = useState('');
  const form = useForm<StaffCreateInput, unknown, StaffCreateValues>({
    resolver: zodResolver(staffCreateSchema),
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const { register, setFocus, reset, formState } = form;
  const { errors, isSubmitting } = formState;
  const create = useMutation({ mutationFn: api.createStaff });

  async function submit(values: StaffCreateValues) {
    setStatus('');
    try {
      const staff = await create.mutateAsync(values);
      router.refresh();
      reset(EMPTY);
      setStatus(`${staff.email} 계정(${ROLE_LABELS[staff.role]})을 만들었습니다. 초기 비밀번호를 직접 전달하세요.`);
      setFocus('email');
    } catch (error) {
      form.resetField('password');
      showApiError(form, error, FIELDS, '계정을 만들지 못했습니다. 잠시 후 다시 시도하세요.');
    }
  }

  return (
    <CardSection id="create-staff-heading" title="직원 추가">
      <ApiForm form={form} onValid={submit} labelledBy="create-staff-heading" status={status}>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <EmailField form={form} name="email" id="staff-email" autoComplete="off" />
          <TextField
            form={form}
            name="name"
            id="staff-name"
            label="이름"
            required
            max={AUTH_LIMITS.name}
            autoComplete="off"
          />
          <Field id="staff-role" label="역할" required error={errors.role?.message}>
            {(a11y) => (
              <NativeSelect {...a11y} {...register('role')}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <PasswordField
            form={form}
            name="password"
            id="staff-password"
            label="초기 비밀번호"
            hint={PASSWORD_HINT}
            autoComplete="new-password"
          />
        </div>
        <SubmitButton busy={isSubmitting} busyLabel="만드는 중…">
          직원 계정 만들기
        </SubmitButton>
      </ApiForm>
    </CardSection>
  );
}
