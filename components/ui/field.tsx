import type { ReactNode } from 'react';
import { cn } from './cn';

/** What a field hands its control: the id its label points at, and the error/hint wiring for screen readers. */
export interface FieldA11yProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-required': boolean;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  /** The Iamport API field name, shown as a hint next to the label. */
  apiName?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  /**
   * A length limit the control does not enforce (no `maxLength`: typing is never cut short); past
   * it, "N자 초과" appears beside the label and is read with the field.
   */
  limit?: { max: number; length: number };
  /** `sm`: the compact look of a filter bar (small label, hint only when it matters). */
  size?: 'sm' | 'md';
  className?: string;
  children: (a11y: FieldA11yProps) => ReactNode;
}

/**
 * A label, its control, the error and the hint: the error and hint ids go into the control's
 * `aria-describedby` (error first), and `aria-invalid` follows the error.
 */
export function Field({
  id,
  label,
  apiName,
  error,
  hint,
  required = false,
  limit,
  size = 'md',
  className,
  children,
}: FieldProps) {
  const over = limit ? limit.length - limit.max : 0;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const overId = over > 0 ? `${id}-over` : undefined;
  const describedBy = [errorId, overId, hintId].filter(Boolean).join(' ') || undefined;
  const small = size === 'sm';
  return (
    <div className={cn('flex min-w-0 flex-col', small ? 'gap-0.5' : 'gap-1', className)}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2">
        <label
          htmlFor={id}
          className={cn(
            'flex flex-wrap items-baseline gap-x-2 font-medium text-slate-900',
            small ? 'text-xs text-slate-700' : 'text-sm',
          )}
        >
          <span>{label}</span>
          {apiName && <span className="font-mono text-xs font-normal text-slate-600">{apiName}</span>}
          {required && <span className="text-xs font-semibold text-red-700">필수</span>}
        </label>
        {overId && limit && (
          <span id={overId} className="text-xs font-semibold text-red-700">
            {over}자 초과 (최대 {limit.max}자)
          </span>
        )}
      </div>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy, 'aria-required': required })}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A message under a group of controls (a fieldset's error or hint), by id for `aria-describedby`. */
export function FieldMessage({
  id,
  tone = 'hint',
  children,
}: {
  id?: string;
  tone?: 'hint' | 'error';
  children: ReactNode;
}) {
  return (
    <p id={id} className={tone === 'error' ? 'text-sm text-red-700' : 'text-xs text-slate-600'}>
      {children}
    </p>
  );
}
