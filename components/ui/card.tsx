import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

/** A white panel with a border: the frame of every form section, list and detail block. */
export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <div className={cn('rounded-xl border border-slate-200 bg-white', className)} {...props} />;
}

/**
 * A titled section on a card: `<section aria-labelledby>` around a heading, so it is a named
 * region for screen readers and for tests (`getByRole('region', { name })`).
 */
export function CardSection({
  id,
  title,
  description,
  actions,
  level = 2,
  tone,
  className,
  bodyClassName,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  level?: 2 | 3;
  tone?: 'danger';
  className?: string;
  bodyClassName?: string;
  children?: ReactNode;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section
      aria-labelledby={id}
      className={cn(
        'space-y-4 rounded-xl border bg-white p-4 sm:p-5',
        tone === 'danger' ? 'border-red-200' : 'border-slate-200',
        className,
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <Heading
            id={id}
            className={cn(
              level === 2 ? 'text-lg font-bold' : 'text-base font-semibold',
              tone === 'danger' && 'text-red-900',
            )}
          >
            {title}
          </Heading>
          {description && <div className="text-sm text-slate-700">{description}</div>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      <div className={cn('space-y-4', bodyClassName)}>{children}</div>
    </section>
  );
}

/** `<fieldset>` with the card look: the sections of a long form. */
export function FormSection({
  legend,
  className,
  children,
  ...props
}: HTMLAttributes<HTMLFieldSetElement> & { legend: ReactNode; disabled?: boolean }) {
  return (
    <fieldset
      className={cn('min-w-0 space-y-4 rounded-xl border border-slate-200 bg-white p-4 sm:p-5', className)}
      {...props}
    >
      <legend className="px-1 text-base font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}
