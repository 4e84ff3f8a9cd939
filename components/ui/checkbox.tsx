import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

type BoxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { ref?: React.Ref<HTMLInputElement> };

const box =
  'size-4 shrink-0 cursor-pointer rounded-sm border-slate-500 accent-blue-700 disabled:cursor-not-allowed aria-[invalid=true]:outline-2 aria-[invalid=true]:outline-red-600';

/** A native checkbox (works with `register`, `check()` and Space); the look comes from `accent-color`. */
export function Checkbox({ className, ...props }: BoxProps) {
  return <input type="checkbox" className={cn(box, className)} {...props} />;
}

export function Radio({ className, ...props }: BoxProps) {
  return <input type="radio" className={cn(box, 'rounded-full', className)} {...props} />;
}

/** A checkbox or radio with its label beside it; `description` goes under the label. */
export function ChoiceLabel({
  control,
  children,
  description,
  className,
  disabled,
}: {
  control: ReactNode;
  children: ReactNode;
  description?: ReactNode;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <label className={cn('flex items-start gap-2 text-sm', disabled && 'text-slate-600', className)}>
      <span className="flex h-5 items-center">{control}</span>
      <span className="min-w-0">
        {children}
        {description && <span className="block text-xs text-slate-600">{description}</span>}
      </span>
    </label>
  );
}
