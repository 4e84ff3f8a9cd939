'use client';

import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { FormSection } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ISSUE_LIMITS } from '@/lib/validations/billing-key';
import { NO_AUTOFILL } from './card-input';
import type { FormValues } from './form-values';
import { perPgRules } from './per-pg';

interface CustomerFieldsProps {
  register: UseFormRegister<FormValues>;
  control: Control<FormValues>;
  errors: FieldErrors<FormValues>;
  provider: string | undefined;
  busy: boolean;
}

const CUSTOMER_LIMITS = {
  customer_name: ISSUE_LIMITS.customer_name,
  customer_id: ISSUE_LIMITS.customer_id,
  customer_tel: ISSUE_LIMITS.customer_tel,
  customer_email: ISSUE_LIMITS.customer_email,
  customer_addr: ISSUE_LIMITS.customer_addr,
  customer_postcode: ISSUE_LIMITS.customer_postcode,
} as const;
type CustomerField = keyof typeof CUSTOMER_LIMITS;
const CUSTOMER_NAMES = Object.keys(CUSTOMER_LIMITS) as CustomerField[];

/** The customer's details; none is cut short while typed, a value past its limit says by how much. */
export function CustomerFields({ register, control, errors, provider, busy }: CustomerFieldsProps) {
  const { isRequired, reason } = perPgRules(provider);
  const values = useWatch({ control, name: CUSTOMER_NAMES });
  const limit = (name: CustomerField) => ({
    max: CUSTOMER_LIMITS[name],
    length: (values[CUSTOMER_NAMES.indexOf(name)] ?? '').length,
  });
  return (
    <FormSection legend="고객 정보" disabled={busy}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          id="customer_name"
          limit={limit('customer_name')}
          label="카드 소유자 이름"
          apiName="customer_name"
          required={isRequired('customer_name')}
          error={errors.customer_name?.message}
          hint={reason('customer_name')}
        >
          {(a11y) => <Input {...a11y} {...register('customer_name')} {...NO_AUTOFILL} />}
        </Field>
        <Field
          id="customer_id"
          limit={limit('customer_id')}
          label="구매자 ID"
          apiName="customer_id"
          required={isRequired('customer_id')}
          error={errors.customer_id?.message}
          hint={reason('customer_id') ?? '가맹점이 쓰는 회원 ID.'}
        >
          {(a11y) => <Input {...a11y} {...register('customer_id')} {...NO_AUTOFILL} />}
        </Field>
        <Field
          id="customer_tel"
          limit={limit('customer_tel')}
          label="연락처"
          apiName="customer_tel"
          error={errors.customer_tel?.message}
          hint="예: 010-1234-5678"
        >
          {(a11y) => <Input {...a11y} {...register('customer_tel')} type="tel" inputMode="tel" {...NO_AUTOFILL} />}
        </Field>
        <Field
          id="customer_email"
          limit={limit('customer_email')}
          label="이메일"
          apiName="customer_email"
          error={errors.customer_email?.message}
        >
          {(a11y) => <Input {...a11y} {...register('customer_email')} type="email" {...NO_AUTOFILL} />}
        </Field>
        <Field
          id="customer_addr"
          limit={limit('customer_addr')}
          label="주소"
          apiName="customer_addr"
          error={errors.customer_addr?.message}
        >
          {(a11y) => <Input {...a11y} {...register('customer_addr')} {...NO_AUTOFILL} />}
        </Field>
        <Field
          id="customer_postcode"
          limit={limit('customer_postcode')}
          label="우편번호"
          apiName="customer_postcode"
          error={errors.customer_postcode?.message}
        >
          {(a11y) => (
            <Input {...a11y} {...register('customer_postcode')} inputMode="numeric" className="w-32" {...NO_AUTOFILL} />
          )}
        </Field>
      </div>
    </FormSection>
  );
}
