'use client';

import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { FormSection } from '@/components/ui/card';
import type { InputProps } from '@/components/ui/input';
import { TextField } from '@/components/ui/text-field';
import { FIELD_LABELS, ISSUE_LIMITS } from '@/lib/validations/billing-key';
import { NO_AUTOFILL } from './card-input';
import { perPgRules } from './per-pg';

type CustomerField =
  'customer_name' | 'customer_id' | 'customer_tel' | 'customer_email' | 'customer_addr' | 'customer_postcode';
type CustomerValues = Partial<Record<CustomerField, string>>;

/** One customer field of a form: its label (FIELD_LABELS unless given), hint and input kind. */
export interface CustomerFieldSpec {
  name: CustomerField;
  label?: string;
  hint?: string;
  input?: Pick<InputProps, 'type' | 'inputMode' | 'className'>;
}

/** The issue form's: each field once, in the form's order. */
const ISSUE_CUSTOMER_FIELDS: readonly CustomerFieldSpec[] = [
  { name: 'customer_name' },
  { name: 'customer_id', hint: '가맹점이 쓰는 회원 ID.' },
  { name: 'customer_tel', hint: '예: 010-1234-5678', input: { type: 'tel', inputMode: 'tel' } },
  { name: 'customer_email', input: { type: 'email' } },
  { name: 'customer_addr' },
  { name: 'customer_postcode', input: { inputMode: 'numeric', className: 'w-32' } },
];

/**
 * The customer's details; the chosen PG may make a field required and say why. None is cut short
 * while typed, a value past its limit says by how much. The link form asks fewer (`fields`).
 */
export function CustomerFields<T extends CustomerValues>({
  form,
  provider,
  busy,
  legend = '고객 정보',
  fields = ISSUE_CUSTOMER_FIELDS,
}: {
  form: UseFormReturn<T, unknown, FieldValues>;
  provider: string | undefined;
  busy: boolean;
  legend?: string;
  fields?: readonly CustomerFieldSpec[];
}) {
  const { isRequired, reason } = perPgRules(provider);
  // Every form here holds these fields; the generic hides that from react-hook-form's types.
  const customerForm = form as unknown as UseFormReturn<CustomerValues>;
  return (
    <FormSection legend={legend} disabled={busy}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {fields.map(({ name, label, hint, input }) => (
          <TextField
            key={name}
            form={customerForm}
            name={name}
            id={name}
            label={label ?? FIELD_LABELS[name]}
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
