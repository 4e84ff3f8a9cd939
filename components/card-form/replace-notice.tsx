'use client';

import { useWatch, type Control, type UseFormRegisterReturn } from 'react-hook-form';
import { BillingKeyCard } from '@/components/billing-key-card';
import { Checkbox } from '@/components/ui/checkbox';
import type { BillingKeyView, CurrentKey } from '@/lib/model/billing-keys';
import { FIELD_LABELS } from '@/lib/validations/billing-key';
import type { FormValues } from './form-values';

/** The customer's details a replacement carries over: form field and the current key's value. */
export const CUSTOMER_CARRIED = [
  ['customer_name', 'customerName'],
  ['customer_tel', 'customerTel'],
  ['customer_id', 'customerId'],
  ['customer_email', 'customerEmail'],
  ['customer_addr', 'customerAddr'],
  ['customer_postcode', 'customerPostcode'],
] as const satisfies readonly (readonly [keyof FormValues, keyof BillingKeyView])[];

const CARRIED_NAMES = CUSTOMER_CARRIED.map(([field]) => field);

interface ReplaceNoticeProps {
  current: CurrentKey;
  control: Control<FormValues>;
  confirm: UseFormRegisterReturn<'replace_confirmed'>;
  error?: string;
}

/** Shown when the customer_uid already holds a card: replacing it needs an explicit yes. */
export function ReplaceNotice({ current, control, confirm, error }: ReplaceNoticeProps) {
  const typed = useWatch({ control, name: CARRIED_NAMES });
  const changes = CUSTOMER_CARRIED.flatMap(([field, key], index) => {
    const now = current.billingKey[key] ?? '';
    const next = (typed[index] ?? '').trim();
    return next && next !== now ? [{ field, now, next }] : [];
  });
  return (
    <section
      aria-labelledby="replace-notice-title"
      className="space-y-3 rounded-xl border-2 border-orange-400 bg-orange-50 p-4"
    >
      <h2 id="replace-notice-title" className="text-base font-bold text-orange-950">
        이 고객 결제수단 ID에는 이미 카드가 등록되어 있습니다
      </h2>
      <p className="text-sm text-orange-950">
        발급하면 아래 카드가 새 카드로 <strong>교체</strong>됩니다. 이전 빌링키는 PG에서 해지되지 않고 남습니다.
        {current.source === 'iamport' && ' (이 콘솔에는 기록이 없고 Iamport에서 찾았습니다.)'}
      </p>
      <BillingKeyCard billingKey={current.billingKey} title="현재 등록된 카드" headingId="current-key-title" />
      <div className="space-y-1 text-sm text-orange-950">
        <p id="replace-changes-title" className="font-semibold">
          교체하면 바뀌는 값
        </p>
        <ul aria-labelledby="replace-changes-title" className="list-disc space-y-0.5 pl-5">
          <li>카드: {current.billingKey.cardNumberMasked ?? '카드번호 미상'} → 새로 입력한 카드</li>
          {changes.map(({ field, now, next }) => (
            <li key={field}>
              {FIELD_LABELS[field]}: {now || '없음'} → {next}
            </li>
          ))}
        </ul>
        <p className="text-xs">
          고객 정보는 현재 카드의 값으로 채워 두었습니다. 비워 둔 항목도 기존 값이 그대로 남습니다.
        </p>
      </div>
      <div className="flex items-start gap-2">
        <Checkbox
          id="replace_confirmed"
          {...confirm}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'replace_confirmed-error' : undefined}
          className="mt-1 size-5"
        />
        <label htmlFor="replace_confirmed" className="text-sm font-semibold text-slate-900">
          기존 카드({current.billingKey.cardName ?? '카드사 미상'} {current.billingKey.cardNumberMasked ?? ''})를 새
          카드로 교체합니다. 이전 빌링키는 PG에서 해지되지 않음을 확인했습니다.
        </label>
      </div>
      {error && (
        <p id="replace_confirmed-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
