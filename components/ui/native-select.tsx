import type { SelectHTMLAttributes } from 'react';
import { cn } from './cn';
import { inputVariants } from './input';

export type NativeSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'size'> & {
  size?: 'sm' | 'md';
  ref?: React.Ref<HTMLSelectElement>;
};

/**
 * The browser's own `<select>`, styled like the inputs: for filters in GET forms and fields bound
 * with `register` (it works before scripts load, and phones show their native picker).
 */
export function NativeSelect({ className, size, children, ...props }: NativeSelectProps) {
  return (
    <select className={cn(inputVariants({ size }), 'native-select cursor-pointer pr-8', className)} {...props}>
      {children}
    </select>
  );
}
