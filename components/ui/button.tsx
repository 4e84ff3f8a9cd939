import { Slot } from '@radix-ui/react-slot';
import { cva, type VariantProps } from 'class-variance-authority';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

export const buttonVariants = cva(
  'inline-flex shrink-0 items-center justify-center gap-1.5 rounded-md font-semibold whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60',
  {
    variants: {
      variant: {
        primary: 'bg-blue-700 text-white hover:bg-blue-800',
        secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
        danger: 'bg-red-700 text-white hover:bg-red-800',
        'danger-outline': 'border border-red-700 bg-white text-red-800 hover:bg-red-50',
        warning: 'bg-amber-800 text-white hover:bg-amber-900',
        ghost: 'text-slate-800 hover:bg-slate-100',
        link: 'h-auto px-0 py-0 font-medium text-blue-700 underline underline-offset-4 hover:text-blue-900',
      },
      size: {
        xs: 'h-7 px-2 text-xs',
        sm: 'h-8 px-3 text-sm',
        md: 'h-10 px-4 text-sm',
        lg: 'h-12 px-6 text-base',
      },
    },
    compoundVariants: [{ variant: 'link', className: 'h-auto px-0' }],
    defaultVariants: { variant: 'primary', size: 'md' },
  },
);

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> &
  VariantProps<typeof buttonVariants> & {
    /** Renders the one child (a `Link`, an `<a>`) with the button's look instead of a `<button>`. */
    asChild?: boolean;
    ref?: React.Ref<HTMLButtonElement>;
  };

/** The one button of the app: `variant` says what it does, `size` how much room it takes. */
export function Button({ className, variant, size, asChild = false, type, ...props }: ButtonProps) {
  const Component = asChild ? Slot : 'button';
  return (
    <Component
      className={cn(buttonVariants({ variant, size }), className)}
      {...(asChild ? {} : { type: type ?? 'button' })}
      {...props}
    />
  );
}

/** A form's submit button: disabled while `busy`, saying so with `busyLabel` (`저장 중…`). */
export function SubmitButton({
  busy,
  busyLabel,
  children,
  ...props
}: Omit<ButtonProps, 'type' | 'disabled' | 'asChild'> & { busy: boolean; busyLabel: ReactNode }) {
  return (
    <Button type="submit" disabled={busy} {...props}>
      {busy ? busyLabel : children}
    </Button>
  );
}
