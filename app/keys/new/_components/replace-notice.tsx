'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import { BillingKeyCard } from '@/components/billing-key-card';
import { Checkbox } from '@/components/ui/checkbox';
import type { CurrentKey } from '@/lib/model/billing-keys';

interface ReplaceNoticeProps {
  current: CurrentKey;
  confirm: UseFormRegisterReturn<'replace_confirmed'>;
  error?: string;
}

/** Shown when the customer_uid already holds a card: replacing it needs an explicit yes. */
export function ReplaceNotice({ current, confirm, error }: ReplaceNoticeProps) {
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
