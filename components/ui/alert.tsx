import { cva, type VariantProps } from 'class-variance-authority';
import type { ReactNode } from 'react';
import { cn } from './cn';

export const alertVariants = cva('rounded-lg border px-4 py-3 text-sm', {
  variants: {
    tone: {
      error: 'border-red-300 bg-red-50 text-red-950',
      warning: 'border-amber-400 bg-amber-50 text-amber-950',
      info: 'border-sky-300 bg-sky-50 text-slate-900',
      success: 'border-emerald-300 bg-emerald-50 text-emerald-950',
      neutral: 'border-slate-300 bg-slate-50 text-slate-900',
    },
  },
  defaultVariants: { tone: 'info' },
});

/**
 * A boxed message. `role="alert"` only where it must interrupt (a failure the user caused just
 * now); a standing notice is plain text in a box.
 */
export function Alert({
  tone,
  title,
  role,
  id,
  className,
  children,
}: VariantProps<typeof alertVariants> & {
  title?: ReactNode;
  role?: 'alert' | 'status';
  id?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div id={id} role={role} className={cn(alertVariants({ tone }), 'space-y-1', className)}>
      {title && <p className="font-semibold">{title}</p>}
      {children}
    </div>
  );
}

/** A form-level error, announced at once; renders nothing without a message. `id` lets the form point at it. */
export function FormAlert({ id, children }: { id?: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} role="alert" className={cn(alertVariants({ tone: 'error' }), 'py-2')}>
      {children}
    </p>
  );
}

/** A success or progress note, announced politely; the live region is always there so updates are read. */
export function FormStatus({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <p role="status" aria-live="polite" className={cn('text-sm text-emerald-900', className)}>
      {children}
    </p>
  );
}
