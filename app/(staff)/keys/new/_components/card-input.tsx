'use client';

import type { InputHTMLAttributes } from 'react';
import { Controller, type Control } from 'react-hook-form';
import type { FieldA11yProps } from '@/components/ui/field';
import type { SENSITIVE_FIELDS } from '@/lib/validations/billing-key';
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
export function CardInput({
  control,
  name,
  domName,
  a11y,
  format = (value) => value,
  ...rest
}: {
  control: Control<FormValues>;
  name: (typeof SENSITIVE_FIELDS)[number];
  domName: string;
  a11y: FieldA11yProps;
  format?: (value: string) => string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'value' | 'onChange' | 'onBlur'>) {
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
