'use client';

import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { FormSection } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ISSUE_LIMITS } from '@/lib/validations/billing-key';
import { NO_AUTOFILL } from './card-input';
import type { FormValues } from './form-values';
import { perPgRules } from './per-pg';

interface CustomerFieldsProps {
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
  provider: string | undefined;
  busy: boolean;
}

export function CustomerFields({ register, errors, provider, busy }: CustomerFieldsProps) {
  const { isRequired, reason } = perPgRules(provider);
  return (
    <FormSection legend="고객 정보" disabled={busy}>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          id="customer_name"
          label="카드 소유자 이름"
          apiName="customer_name"
          required={isRequired('customer_name')}
          error={errors.customer_name?.message}
          hint={reason('customer_name')}
        >
          {(a11y) => (
            <Input {...a11y} {...register('customer_name')} maxLength={ISSUE_LIMITS.customer_name} {...NO_AUTOFILL} />
          )}
        </Field>
        <Field
          id="customer_id"
          label="구매자 ID"
          apiName="customer_id"
          required={isRequired('customer_id')}
          error={errors.customer_id?.message}
          hint={reason('customer_id') ?? '가맹점이 쓰는 회원 ID.'}
        >
          {(a11y) => (
            <Input {...a11y} {...register('customer_id')} maxLength={ISSUE_LIMITS.customer_id} {...NO_AUTOFILL} />
          )}
        </Field>
        <Field
          id="customer_tel"
          label="연락처"
          apiName="customer_tel"
          error={errors.customer_tel?.message}
          hint="예: 010-1234-5678"
        >
          {(a11y) => (
            <Input
              {...a11y}
              {...register('customer_tel')}
              type="tel"
              inputMode="tel"
              maxLength={ISSUE_LIMITS.customer_tel}
              {...NO_AUTOFILL}
            />
          )}
        </Field>
        <Field id="customer_email" label="이메일" apiName="customer_email" error={errors.customer_email?.message}>
          {(a11y) => (
            <Input
              {...a11y}
              {...register('customer_email')}
              type="email"
              maxLength={ISSUE_LIMITS.customer_email}
              {...NO_AUTOFILL}
            />
          )}
        </Field>
        <Field id="customer_addr" label="주소" apiName="customer_addr" error={errors.customer_addr?.message}>
          {(a11y) => (
            <Input {...a11y} {...register('customer_addr')} maxLength={ISSUE_LIMITS.customer_addr} {...NO_AUTOFILL} />
          )}
        </Field>
        <Field
          id="customer_postcode"
          label="우편번호"
          apiName="customer_postcode"
          error={errors.customer_postcode?.message}
        >
          {(a11y) => (
            <Input
              {...a11y}
              {...register('customer_postcode')}
              inputMode="numeric"
              maxLength={ISSUE_LIMITS.customer_postcode}
              className="w-32"
              {...NO_AUTOFILL}
            />
          )}
        </Field>
      </div>
    </FormSection>
  );
}
