import Link from 'next/link';
import type { ComponentProps } from 'react';
import { cn } from './cn';

/** A link inside running text: blue and underlined, so it reads as a link without colour alone. */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cn('text-blue-700 underline', className)} {...props} />;
}
