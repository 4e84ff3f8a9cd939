'use client';

import type { ReactNode } from 'react';
import { useFormState, type FieldValues, type Path, type SubmitHandler, type UseFormReturn } from 'react-hook-form';
import { FormAlert, FormStatus } from '@/components/ui/alert';
import { ApiError } from '@/lib/client/api';

/**
 * A react-hook-form form that submits to the app's API: the schema validates (no browser bubbles),
 * the form-level error (`root.serverError`, set by `showApiError`) is announced above the fields and,
 * with `status`, what the last submit did below them. Named by `label`, or by the heading `labelledBy`
 * points at.
 */
export function ApiForm<TInput extends FieldValues, TValues extends FieldValues>({
  form,
  onValid,
  label,
  labelledBy,
  alertId,
  status,
  autoComplete,
  className = 'space-y-4',
  children,
}: {
  form: UseFormReturn<TInput, unknown, TValues>;
  onValid: SubmitHandler<TValues>;
  label?: string;
  labelledBy?: string;
  alertId?: string;
  /** A success note; the live region is there from the start (even empty) so the note is read. */
  status?: ReactNode;
  /** `off` on forms that take card data, so the browser offers and keeps none of it. */
  autoComplete?: 'off';
  className?: string;
  children: ReactNode;
}) {
  const { errors } = useFormState({ control: form.control });
  return (
    <form
      // POST, so a submit that lands before the page hydrates (the browser sending the form itself)
      // puts nothing typed — a card number, a password — in a URL (e2e/no-card-leak.spec.ts).
      method="post"
      onSubmit={(event) => void form.handleSubmit(onValid)(event)}
      noValidate
      autoComplete={autoComplete}
      aria-label={label}
      aria-labelledby={labelledBy}
      className={className}
    >
      <FormAlert id={alertId}>{errors.root?.serverError?.message}</FormAlert>
      {children}
      {status !== undefined && <FormStatus>{status}</FormStatus>}
    </form>
  );
}

/**
 * A failed request, shown on the form: the answer's messages on the `fields` they name (focus on the
 * first), else its message above the form; `fallback` when no answer came (network, a bug).
 */
export function showApiError<TInput extends FieldValues, TValues extends FieldValues>(
  form: UseFormReturn<TInput, unknown, TValues>,
  error: unknown,
  fields: readonly Path<TInput>[],
  fallback: string,
) {
  if (!(error instanceof ApiError)) {
    form.setError('root.serverError', { message: fallback });
    return;
  }
  const fieldErrors = fields.filter((field) => error.fields[field]);
  for (const field of fieldErrors) form.setError(field, { message: error.fields[field] });
  if (fieldErrors[0]) form.setFocus(fieldErrors[0]);
  else form.setError('root.serverError', { message: error.message });
}
