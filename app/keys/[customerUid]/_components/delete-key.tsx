'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Field, inputClass } from '@/components/field';
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
  const inputRef = useRef<HTMLInputElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), description: useId() };
  const remove = useMutation({
    mutationFn: (validReason: string) => api.deleteBillingKey(customerUid, { reason: validReason }),
    onSuccess: (result) => {
      dialogRef.current?.close();
      onDeleted(result);
    },
    onError: (error) => {
      dialogRef.current?.close();
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
    dialogRef.current?.showModal();
  }

  function confirm() {
    const parsed = deleteBillingKeySchema.safeParse({ reason });
    if (parsed.success) remove.mutate(parsed.data.reason);
  }

  return (
    <section aria-labelledby="delete-title" className="space-y-3 rounded-xl border border-red-200 bg-white p-5">
      <h2 id="delete-title" className="text-lg font-bold text-red-900">
        빌링키 삭제
      </h2>
      <p className="text-sm text-slate-800">
        Iamport에서 빌링키를 삭제하면 되돌릴 수 없고, 이 키로 예약된 결제도 실패합니다. 콘솔에는 누가, 언제, 왜
        삭제했는지 남습니다.
      </p>
      <form noValidate onSubmit={ask} className="space-y-3">
        <Field
          id="delete-reason"
          label="삭제 사유"
          apiName="reason"
          required
          error={fieldError}
          hint={`Iamport에 삭제 사유로 함께 전달됩니다. ${DELETE_REASON_LIMITS.min}~${DELETE_REASON_LIMITS.max}자.`}
        >
          {(a11y) => (
            <input
              {...a11y}
              ref={inputRef}
              type="text"
              name="reason"
              autoComplete="off"
              maxLength={DELETE_REASON_LIMITS.max}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                if (fieldError) setFieldError(undefined);
              }}
              className={inputClass}
            />
          )}
        </Field>
        <button
          ref={triggerRef}
          type="submit"
          disabled={remove.isPending}
          className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          {remove.isPending ? '삭제 중…' : '빌링키 삭제…'}
        </button>
      </form>
      {serverError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          삭제하지 못했습니다: {serverError}
        </p>
      )}

      <dialog
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={ids.title}
        aria-describedby={ids.description}
        onClose={() => triggerRef.current?.focus()}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-300 p-0 shadow-xl backdrop:bg-slate-950/50"
      >
        <div className="space-y-4 p-6">
          <h2 id={ids.title} className="text-lg font-bold text-red-900">
            빌링키를 삭제할까요?
          </h2>
          <div id={ids.description} className="space-y-2 text-sm text-slate-900">
            <p>
              <strong>{cardLabel}</strong> 카드의 빌링키(고객 결제수단 ID{' '}
              <span className="font-mono break-all">{customerUid}</span>)를 Iamport에서 삭제합니다. 되돌릴 수 없습니다.
            </p>
            <p>
              삭제 사유: <span className="break-words">{reason.trim()}</span>
            </p>
          </div>
          <div className="flex justify-end gap-2">
            <button
              type="button"
              autoFocus
              onClick={() => dialogRef.current?.close()}
              className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
            >
              취소
            </button>
            <button
              type="button"
              onClick={confirm}
              disabled={remove.isPending}
              className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
            >
              {remove.isPending ? '삭제 중…' : '삭제'}
            </button>
          </div>
        </div>
      </dialog>
    </section>
  );
}
