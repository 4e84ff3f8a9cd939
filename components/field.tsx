import type { ReactNode } from 'react';

export interface FieldA11yProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'aria-required': boolean;
}

interface FieldProps {
  id: string;
  label: string;
  /** The Iamport API field name, shown as a hint next to the label. */
  apiName?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: (a11y: FieldA11yProps) => ReactNode;
}

/** A labelled input with its hint and error wired through aria-describedby. */
export function Field({ id, label, apiName, error, hint, required = false, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex flex-wrap items-baseline gap-x-2 text-sm font-medium text-slate-900">
        <span>{label}</span>
        {apiName && <span className="font-mono text-xs font-normal text-slate-600">{apiName}</span>}
        {required && <span className="text-xs font-semibold text-red-700">필수</span>}
      </label>
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

export const inputClass =
  'w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 disabled:bg-slate-100';
