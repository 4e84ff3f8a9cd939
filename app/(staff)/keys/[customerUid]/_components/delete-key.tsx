'use client';

import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { BillingKeyView, DeleteResult } from '@/lib/model/billing-keys';
import { api } from '@/lib/client/api';
import { DELETE_REASON_LIMITS, deleteBillingKeySchema } from '@/lib/validations/key-actions';

interface DeleteKeyProps {
  customerUid: string;
  /** The card being deleted (live when Iamport has it, else the stored one), named in the dialog. */
  card: Pick<BillingKeyView, 'cardName' | 'cardNumberMasked'> | null;
  onDeleted: (result: DeleteResult) => void;
}

/**
 * Deletion with a required reason: the reason is checked with the server's schema, then a modal
 * confirmation names the card before anything is sent. Irreversible at Iamport.
 */
export function DeleteKey({ customerUid, card, onDeleted }: DeleteKeyProps) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [serverError, setServerError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const remove = useMutation({
    mutationFn: (validReason: string) => api.deleteBillingKey(customerUid, { reason: validReason }),
    onSuccess: (result) => {
      setConfirming(false);
      onDeleted(result);
    },
    onError: (error) => {
      setConfirming(false);
      setServerError(error.message);
    },
  });
  const cardLabel = `${card?.cardName ?? '카드사 정보 없음'} ${card?.cardNumberMasked ?? '****'}`;

  function ask(event: FormEvent) {
    event.preventDefault();
    setServerError(null);
    const parsed = deleteBillingKeySchema.safeParse({ reason });
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? '삭제 사유를 확인하세요.');
      inputRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setConfirming(true);
  }

  function confirm() {
    const parsed = deleteBillingKeySchema.safeParse({ reason });
    if (parsed.success) remove.mutate(parsed.data.reason);
  }

  return (
    <CardSection
      id="delete-title"
      title="빌링키 삭제"
      tone="danger"
      description="Iamport에서 빌링키를 삭제하면 되돌릴 수 없고, 이 키로 예약된 결제도 실패합니다. 콘솔에는 누가, 언제, 왜 삭제했는지 남습니다."
    >
      <form method="post" noValidate onSubmit={ask} className="space-y-3">
        <Field
          id="delete-reason"
          label="삭제 사유"
          apiName="reason"
          required
          error={fieldError}
          limit={{ max: DELETE_REASON_LIMITS.max, length: reason.length }}
          hint={`Iamport에 삭제 사유로 함께 전달됩니다. ${DELETE_REASON_LIMITS.min}~${DELETE_REASON_LIMITS.max}자.`}
        >
          {(a11y) => (
            <Input
              {...a11y}
              ref={inputRef}
              name="reason"
              autoComplete="off"
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                if (fieldError) setFieldError(undefined);
              }}
            />
          )}
        </Field>
        <Button ref={triggerRef} type="submit" variant="danger" disabled={remove.isPending}>
          {remove.isPending ? '삭제 중…' : '빌링키 삭제…'}
        </Button>
      </form>
      <FormAlert>{serverError && `삭제하지 못했습니다: ${serverError}`}</FormAlert>

      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (!remove.isPending) setConfirming(open);
        }}
        title="빌링키를 삭제할까요?"
        confirmLabel={remove.isPending ? '삭제 중…' : '삭제'}
        busy={remove.isPending}
        onConfirm={confirm}
        returnFocus={triggerRef}
        description={
          <>
            <p>
              <strong>{cardLabel}</strong> 카드의 빌링키(고객 결제수단 ID{' '}
              <span className="font-mono break-all">{customerUid}</span>)를 Iamport에서 삭제합니다. 되돌릴 수 없습니다.
            </p>
            <p>
              삭제 사유: <span className="break-words">{reason.trim()}</span>
            </p>
          </>
        }
      />
    </CardSection>
  );
}
