import { cva, type VariantProps } from 'class-variance-authority';
import type { InputHTMLAttributes } from 'react';
import { cn } from './cn';

/** Shared by text inputs, native selects and the card inputs bound through react-hook-form's Controller. */
export const inputVariants = cva(
  'w-full min-w-0 rounded-md border border-slate-400 bg-white text-slate-900 placeholder:text-slate-500 disabled:bg-slate-100 disabled:text-slate-600 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50',
  {
    variants: {
      size: {
        sm: 'h-9 px-2.5 text-sm',
        md: 'h-10 px-3 text-base',
      },
      mono: { true: 'font-mono', false: '' },
    },
    defaultVariants: { size: 'md', mono: false },
  },
);

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'size'> &
  VariantProps<typeof inputVariants> & { ref?: React.Ref<HTMLInputElement> };

export function Input({ className, size, mono, type = 'text', ...props }: InputProps) {
  return <input type={type} className={cn(inputVariants({ size, mono }), className)} {...props} />;
}
