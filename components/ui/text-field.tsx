'use client';

import type { ReactNode } from 'react';
import { get, useFormState, useWatch, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { cn } from './cn';
import { Field } from './field';
import { Input, inputVariants, type InputProps } from './input';

type TextFieldProps<T extends FieldValues> = Omit<InputProps, 'id' | 'name' | 'maxLength' | 'form'> & {
  form: UseFormReturn<T>;
  name: Path<T>;
  id: string;
  label: ReactNode;
  /** The Iamport API field name, shown beside the label. */
  apiName?: string;
  /** The schema's length limit: shown as "N자 초과" once passed, never enforced by the control (no `maxLength`). */
  max?: number;
  hint?: ReactNode;
  required?: boolean;
  /** A `<textarea>` of this minimum height class instead of an `<input>`. */
  multiline?: string;
};

/**
 * A labelled text field bound to a react-hook-form form: its error, its hint and, with `max`, the
 * "N자 초과 (최대 M자)" notice of a value past the limit (typing is never cut short; the schema refuses).
 */
export function TextField<T extends FieldValues>({
  form,
  name,
  id,
  label,
  apiName,
  max,
  hint,
  required,
  multiline,
  className,
  ...input
}: TextFieldProps<T>) {
  const value: unknown = useWatch({ control: form.control, name });
  const { errors } = useFormState({ control: form.control, name });
  const error = (get(errors, name) as { message?: string } | undefined)?.message;
  const limit = max === undefined ? undefined : { max, length: String(value ?? '').length };
  return (
    <Field id={id} label={label} apiName={apiName} required={required} error={error} hint={hint} limit={limit}>
      {(a11y) =>
        multiline ? (
          <textarea
            {...a11y}
            {...form.register(name)}
            className={cn(inputVariants(), 'h-auto py-2', multiline, className)}
          />
        ) : (
          <Input {...a11y} {...form.register(name)} {...input} className={className} />
        )
      }
    </Field>
  );
}
