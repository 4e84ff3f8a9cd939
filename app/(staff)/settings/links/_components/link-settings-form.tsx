'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormSection } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { TextField } from '@/components/ui/text-field';
import { api } from '@/lib/client/api';
import type { LinkSettingsView } from '@/lib/model/links';
import {
  LINK_EXPIRY_MINUTES,
  LINK_TEXT_LIMITS,
  linkSettingsSchema,
  type LinkSettingsInput,
} from '@/lib/validations/links';

export function LinkSettingsForm({ view }: { view: LinkSettingsView }) {
  const save = useMutation({ mutationFn: api.saveLinkSettings });
  const form = useForm<LinkSettingsInput>({
    resolver: zodResolver(linkSettingsSchema) as never,
    defaultValues: {
      expiryMinutes: view.expiryMinutes,
      merchantName: view.merchantName,
      purpose: view.purpose,
      terms: view.terms,
    },
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState } = form;
  const { errors } = formState;
  return (
    <form
      method="post"
      onSubmit={(event) => void handleSubmit((values) => save.mutate(values))(event)}
      noValidate
      aria-label="링크 설정"
      className="space-y-4"
    >
      <FormSection legend="고객 화면과 유효 시간" disabled={save.isPending}>
        <TextField
          form={form}
          name="merchantName"
          id="merchantName"
          label="가맹점 이름"
          required
          max={LINK_TEXT_LIMITS.merchantName}
        />
        <TextField
          form={form}
          name="purpose"
          id="purpose"
          label="무엇을 등록하는지 (안내 문구)"
          required
          max={LINK_TEXT_LIMITS.purpose}
          multiline="min-h-24"
        />
        <TextField
          form={form}
          name="terms"
          id="terms"
          label="약관 (고객이 동의해야 등록할 수 있습니다)"
          required
          max={LINK_TEXT_LIMITS.terms}
          multiline="min-h-40"
        />
        <Field
          id="expiryMinutes"
          label="링크 유효 시간 (분)"
          required
          error={errors.expiryMinutes?.message}
          hint={`${LINK_EXPIRY_MINUTES.min}분부터 ${LINK_EXPIRY_MINUTES.max}분(24시간)까지. 기본 ${LINK_EXPIRY_MINUTES.default}분.`}
        >
          {(a11y) => <Input {...a11y} {...register('expiryMinutes')} inputMode="numeric" className="w-32" />}
        </Field>
      </FormSection>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '저장 중…' : '저장'}
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {save.isSuccess ? '저장했습니다. 새로 만드는 링크부터 적용됩니다.' : ''}
        </p>
      </div>
      {save.error && <Alert tone="error">{save.error.message}</Alert>}
    </form>
  );
}
