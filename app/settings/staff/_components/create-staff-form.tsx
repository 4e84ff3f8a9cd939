'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormAlert, FormStatus, primaryButtonClass, sectionClass } from '@/components/auth-ui';
import { Field, inputClass } from '@/components/field';
import { authApi, AuthApiError, authQueryKeys } from '@/lib/client/auth-api';
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
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const form = useForm<StaffCreateInput, unknown, StaffCreateValues>({
    resolver: zodResolver(staffCreateSchema),
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const { register, handleSubmit, setError, setFocus, reset, formState } = form;
  const { errors, isSubmitting } = formState;
  const create = useMutation({ mutationFn: authApi.createStaff });

  async function submit(values: StaffCreateValues) {
    setStatus('');
    try {
      const staff = await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: authQueryKeys.staff() });
      reset(EMPTY);
      setStatus(`${staff.email} 계정(${ROLE_LABELS[staff.role]})을 만들었습니다. 초기 비밀번호를 직접 전달하세요.`);
      setFocus('email');
    } catch (error) {
      form.resetField('password');
      if (error instanceof AuthApiError) {
        const fieldErrors = FIELDS.filter((field) => error.fields[field]);
        for (const field of fieldErrors) setError(field, { message: error.fields[field] });
        if (fieldErrors[0]) setFocus(fieldErrors[0]);
        else setError('root.serverError', { message: error.message });
        return;
      }
      setError('root.serverError', { message: '계정을 만들지 못했습니다. 잠시 후 다시 시도하세요.' });
    }
  }

  return (
    <section aria-labelledby="create-staff-heading" className={sectionClass}>
      <h2 id="create-staff-heading" className="text-lg font-semibold">
        직원 추가
      </h2>
      <form
        onSubmit={(event) => void handleSubmit(submit)(event)}
        noValidate
        aria-labelledby="create-staff-heading"
        className="space-y-4"
      >
        <FormAlert>{errors.root?.serverError?.message}</FormAlert>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="staff-email" label="이메일" required error={errors.email?.message}>
            {(a11y) => (
              <input
                {...a11y}
                {...register('email')}
                type="email"
                autoComplete="off"
                maxLength={AUTH_LIMITS.email}
                className={inputClass}
              />
            )}
          </Field>
          <Field id="staff-name" label="이름" required error={errors.name?.message}>
            {(a11y) => (
              <input
                {...a11y}
                {...register('name')}
                autoComplete="off"
                maxLength={AUTH_LIMITS.name}
                className={inputClass}
              />
            )}
          </Field>
          <Field id="staff-role" label="역할" required error={errors.role?.message}>
            {(a11y) => (
              <select {...a11y} {...register('role')} className={inputClass}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id="staff-password"
            label="초기 비밀번호"
            required
            error={errors.password?.message}
            hint={PASSWORD_HINT}
          >
            {(a11y) => (
              <input
                {...a11y}
                {...register('password')}
                type="password"
                autoComplete="new-password"
                maxLength={AUTH_LIMITS.passwordMax}
                className={inputClass}
              />
            )}
          </Field>
        </div>
        <button type="submit" disabled={isSubmitting} className={primaryButtonClass}>
          {isSubmitting ? '만드는 중…' : '직원 계정 만들기'}
        </button>
        <FormStatus>{status}</FormStatus>
      </form>
    </section>
  );
}
