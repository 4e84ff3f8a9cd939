'use client';

import * as AlertDialogPrimitive from '@radix-ui/react-alert-dialog';
import * as DialogPrimitive from '@radix-ui/react-dialog';
import type { ComponentProps, ReactNode, RefObject } from 'react';
import { buttonVariants } from './button';
import { cn } from './cn';
import { XIcon } from './icons';

const overlay = 'fixed inset-0 z-50 bg-slate-950/50';
const panel =
  'fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 overflow-y-auto rounded-xl border border-slate-300 bg-white p-6 shadow-xl';

/**
 * A modal dialog on Radix: focus moves in and is trapped, Escape and the close button close it,
 * focus returns to what opened it, and the page behind is hidden from screen readers.
 */
export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

export function DialogContent({
  title,
  description,
  className,
  children,
  ...props
}: Omit<ComponentProps<typeof DialogPrimitive.Content>, 'title'> & { title: ReactNode; description?: ReactNode }) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlay} />
      <DialogPrimitive.Content
        className={cn(panel, className)}
        {...(description ? {} : { 'aria-describedby': undefined })}
        {...props}
      >
        <div className="flex items-start justify-between gap-4">
          <DialogPrimitive.Title className="text-lg font-bold">{title}</DialogPrimitive.Title>
          <DialogPrimitive.Close className={buttonVariants({ variant: 'ghost', size: 'xs' })} aria-label="닫기">
            <XIcon />
          </DialogPrimitive.Close>
        </div>
        {description && (
          <DialogPrimitive.Description className="text-sm text-slate-800">{description}</DialogPrimitive.Description>
        )}
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/**
 * A confirmation that interrupts (role `alertdialog`): it opens on the safe choice (취소), names
 * what will happen, and never closes by a click outside.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = '취소',
  onConfirm,
  busy = false,
  tone = 'danger',
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  busy?: boolean;
  tone?: 'danger' | 'primary';
  /** Opened from code (after a check), not by a Radix trigger: where focus goes back on close. */
  returnFocus?: RefObject<HTMLElement | null>;
}) {
  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlay} />
        <AlertDialogPrimitive.Content
          className={panel}
          onCloseAutoFocus={(event) => {
            if (!returnFocus?.current?.isConnected) return;
            event.preventDefault();
            returnFocus.current.focus();
          }}
        >
          <AlertDialogPrimitive.Title className={cn('text-lg font-bold', tone === 'danger' && 'text-red-900')}>
            {title}
          </AlertDialogPrimitive.Title>
          <AlertDialogPrimitive.Description asChild>
            <div className="space-y-2 text-sm text-slate-900">{description}</div>
          </AlertDialogPrimitive.Description>
          <div className="flex flex-wrap justify-end gap-2">
            <AlertDialogPrimitive.Cancel className={buttonVariants({ variant: 'secondary' })}>
              {cancelLabel}
            </AlertDialogPrimitive.Cancel>
            <button
              type="button"
              onClick={onConfirm}
              disabled={busy}
              className={buttonVariants({ variant: tone === 'danger' ? 'danger' : 'primary' })}
            >
              {confirmLabel}
            </button>
          </div>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
