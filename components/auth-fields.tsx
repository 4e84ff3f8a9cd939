'use client';

import type { ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { TextField } from '@/components/ui/text-field';
import { AUTH_LIMITS, PASSWORD_HINT } from '@/lib/validations/auth';

type AccountFieldProps<T extends FieldValues> = {
  form: UseFormReturn<T>;
  name: Path<T>;
  id: string;
  hint?: ReactNode;
  autoComplete: string;
};

/** A staff account's email (sign-in, setup, a new account): the schema's limit, the email keyboard. */
export function EmailField<T extends FieldValues>(props: AccountFieldProps<T> & { readOnly?: boolean }) {
  return <TextField {...props} label="이메일" required max={AUTH_LIMITS.email} type="email" />;
}

/** A password typed into a staff form: the schema's limit (never cut short), masked. */
export function PasswordField<T extends FieldValues>(props: AccountFieldProps<T> & { label: ReactNode }) {
  return <TextField {...props} required max={AUTH_LIMITS.passwordMax} type="password" />;
}

/**
 * A new password and its confirmation (setup, change of password): the password rule as the first
 * one's hint, the browser's `new-password` autocomplete on both.
 */
export function NewPasswordFields<T extends FieldValues>({
  form,
  names,
  ids,
  labels,
}: {
  form: UseFormReturn<T>;
  names: [Path<T>, Path<T>];
  ids: [string, string];
  labels: [ReactNode, ReactNode];
}) {
  return (
    <>
      {([0, 1] as const).map((index) => (
        <PasswordField
          key={ids[index]}
          form={form}
          name={names[index]}
          id={ids[index]}
          label={labels[index]}
          hint={index === 0 ? PASSWORD_HINT : undefined}
          autoComplete="new-password"
        />
      ))}
    </>
  );
}
