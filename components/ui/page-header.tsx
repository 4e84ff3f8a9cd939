import type { ReactNode } from 'react';
import { cn } from './cn';

/** The h1 of a page, a line of what it is for, and the page's main actions on the right. */
export function PageHeader({
  title,
  description,
  actions,
  back,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** A link back up (e.g. to the list), shown above the title. */
  back?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-wrap items-start justify-between gap-x-6 gap-y-3', className)}>
      <div className="min-w-0 flex-1 basis-80 space-y-1">
        {back && <p className="text-sm">{back}</p>}
        <h1 className="text-2xl font-bold">{title}</h1>
        {description && <div className="max-w-prose text-sm text-slate-700">{description}</div>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
