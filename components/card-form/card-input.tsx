'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { cn } from '@/components/ui/cn';
import { Field, type FieldA11yProps } from '@/components/ui/field';
import { inputVariants } from '@/components/ui/input';
import { FIELD_LABELS, ISSUE_LIMITS, type SENSITIVE_FIELDS } from '@/lib/validations/billing-key';
import type { FormValues } from './form-values';

/** Attributes that keep browsers and password managers from filling or saving card data. */
export const NO_AUTOFILL = {
  autoComplete: 'off',
  autoCorrect: 'off',
  spellCheck: false,
  'data-1p-ignore': true,
  'data-lpignore': 'true',
  'data-form-type': 'other',
} as const;

/**
 * A card-data input bound through Controller, so its DOM name can differ from the API field name
 * (browsers key autofill and "save card" offers on names like `cvc`).
 */
type CardInputProps = {
  control: Control<FormValues>;
  name: (typeof SENSITIVE_FIELDS)[number];
  domName: string;
  a11y: FieldA11yProps;
  format?: (value: string) => string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'onBlur'>;

export function CardInput({ control, name, domName, a11y, format = (value) => value, ...rest }: CardInputProps) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <input
          {...a11y}
          {...NO_AUTOFILL}
          {...rest}
          ref={field.ref}
          name={domName}
          value={field.value}
          onBlur={field.onBlur}
          onChange={(event) => field.onChange(format(event.target.value))}
        />
      )}
    />
  );
}

/**
 * A card-data field: its label and API name, the error, the hint, and a numeric monospace `CardInput`
 * held to the schema's length (`className` adds to the monospace look).
 */
export function CardTextField({
  errors,
  required = true,
  hint,
  className,
  apiNames = true,
  ...input
}: Omit<CardInputProps, 'a11y'> & {
  errors: FieldErrors<FormValues>;
  required?: boolean;
  hint?: ReactNode;
  /** The Iamport field name beside the label: for staff, not for the customer's own page. */
  apiNames?: boolean;
}) {
  return (
    <Field
      id={input.name}
      label={FIELD_LABELS[input.name]}
      apiName={apiNames ? input.name : undefined}
      required={required}
      error={errors[input.name]?.message}
      hint={hint}
    >
      {(a11y) => (
        <CardInput
          a11y={a11y}
          inputMode="numeric"
          maxLength={ISSUE_LIMITS[input.name]}
          className={cn(inputVariants({ mono: true }), className)}
          {...input}
        />
      )}
    </Field>
  );
}
