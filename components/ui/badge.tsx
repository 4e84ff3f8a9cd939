import { cva, type VariantProps } from 'class-variance-authority';
import type { HTMLAttributes } from 'react';
import { cn } from './cn';

export const badgeVariants = cva(
  'inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap',
  {
    variants: {
      tone: {
        green: 'border-emerald-300 bg-emerald-100 text-emerald-950',
        red: 'border-red-300 bg-red-100 text-red-900',
        amber: 'border-amber-400 bg-amber-100 text-amber-950',
        orange: 'border-orange-300 bg-orange-100 text-orange-950',
        blue: 'border-blue-300 bg-blue-100 text-blue-900',
        violet: 'border-violet-300 bg-violet-100 text-violet-950',
        fuchsia: 'border-fuchsia-300 bg-fuchsia-100 text-fuchsia-950',
        slate: 'border-slate-400 bg-slate-200 text-slate-900',
        outline: 'border-slate-300 bg-white text-slate-700',
      },
      solid: { true: 'border-transparent font-bold', false: '' },
    },
    compoundVariants: [
      { tone: 'green', solid: true, className: 'bg-emerald-700 text-white' },
      { tone: 'red', solid: true, className: 'bg-red-700 text-white' },
      { tone: 'amber', solid: true, className: 'bg-amber-800 text-white' },
      { tone: 'orange', solid: true, className: 'bg-orange-300 text-orange-950' },
      { tone: 'blue', solid: true, className: 'bg-blue-700 text-white' },
      { tone: 'slate', solid: true, className: 'bg-slate-700 text-white' },
      { tone: 'violet', solid: true, className: 'bg-violet-700 text-white' },
    ],
    defaultVariants: { tone: 'slate', solid: false },
  },
);

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>['tone']>;

export function Badge({
  className,
  tone,
  solid,
  ...props
}: HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone, solid }), className)} {...props} />;
}
