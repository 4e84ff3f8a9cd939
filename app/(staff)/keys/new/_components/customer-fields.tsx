'use client';

import type { UseFormReturn } from 'react-hook-form';
import { FormSection } from '@/components/ui/card';
import type { InputProps } from '@/components/ui/input';
import { TextField } from '@/components/ui/text-field';
import { FIELD_LABELS, ISSUE_LIMITS } from '@/lib/validations/billing-key';
import { NO_AUTOFILL } from './card-input';
import type { FormValues } from './form-values';
import { perPgRules } from './per-pg';

interface CustomerFieldsProps {
  form: UseFormReturn<FormValues>;
  provider: string | undefined;
  busy: boolean;
}

type CustomerField =
  'customer_name' | 'customer_id' | 'customer_tel' | 'customer_email' | 'customer_addr' | 'customer_postcode';

/** Each field once, in the form's order; the chosen PG may make a field required and say why. */
const CUSTOMER_FIELDS: {
  name: CustomerField;
  hint?: string;
  input?: Pick<InputProps, 'type' | 'inputMode' | 'className'>;
}[] = [
  { name: 'customer_name' },
  { name: 'customer_id', hint: '가맹점이 쓰는 회원 ID.' },
  { name: 'customer_tel', hint: '예: 010-1234-5678', input: { type: 'tel', inputMode: 'tel' } },
  { name: 'customer_email', input: { type: 'email' } },
  { name: 'customer_addr' },
  { name: 'customer_postcode', input: { inputMode: 'numeric', className: 'w-32' } },
];

/** The customer's details; none is cut short while typed, a value past its limit says by how much. */
export function CustomerFields({ form, provider, busy }: CustomerFieldsProps) {
  const { isRequired, reason } = perPgRules(provider);
  return (
    <FormSection legend="고객 정보" disabled={busy}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {CUSTOMER_FIELDS.map(({ name, hint, input }) => (
          <TextField
            key={name}
            form={form}
            name={name}
            id={name}
            label={FIELD_LABELS[name]}
            apiName={name}
            max={ISSUE_LIMITS[name]}
            required={isRequired(name)}
            hint={reason(name) ?? hint}
            {...input}
            {...NO_AUTOFILL}
          />
        ))}
      </div>
    </FormSection>
  );
}
