import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from './cn';

/** What a list or panel says when it has nothing to show, with the way forward (a link) if there is one. */
export function EmptyState({
  children,
  action,
  className,
}: {
  children: ReactNode;
  action?: { href: string; label: string };
  className?: string;
}) {
  return (
    <div
      className={cn(
        'rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-800',
        className,
      )}
    >
      <p>
        {children}
        {action && (
          <>
            {' '}
            <Link href={action.href} className="text-blue-800 underline">
              {action.label}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
