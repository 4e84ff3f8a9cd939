import Link from 'next/link';
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from './cn';

/**
 * The frame a table scrolls in when it is wider than the page: a named region that takes keyboard
 * focus (so it can be scrolled without a mouse). The page itself never scrolls sideways.
 */
export function TableFrame({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn('table-frame overflow-x-auto rounded-xl border border-slate-200 bg-white', className)}
    >
      {children}
    </div>
  );
}

/**
 * A data table. Cell padding and type are set once on the table (app/globals.css, `.data-table`),
 * not on each of hundreds of cells. `cards`: below the `md` breakpoint each row is a card whose cells
 * show their column name (`TD label`). `stickyFirst`: the first column stays in view while the frame
 * scrolls sideways.
 */
export function Table({
  caption,
  cards = false,
  stickyFirst = false,
  className,
  children,
}: {
  caption: string;
  cards?: boolean;
  stickyFirst?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={cn('data-table', cards && 'table-cards', stickyFirst && 'sticky-first', className)}>
      <caption className="sr-only">{caption}</caption>
      {children}
    </table>
  );
}

export const THead = (props: HTMLAttributes<HTMLTableSectionElement>) => <thead {...props} />;
export const TBody = (props: HTMLAttributes<HTMLTableSectionElement>) => <tbody {...props} />;

/** `tone` tints the row (and its sticky first cell). */
export function TR({
  tone,
  className,
  ...props
}: HTMLAttributes<HTMLTableRowElement> & { tone?: 'muted' | 'selected' | 'warn' }) {
  return <tr data-tone={tone} className={className} {...props} />;
}

export function TH({ className, scope = 'col', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={className} {...props} />;
}

/**
 * A cell. `label` is its column's name, shown before the value when rows are cards (the value is
 * wrapped so it stays one block beside it); `primary` makes it the card's title instead.
 */
export function TD({
  label,
  primary,
  className,
  children,
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & { label?: string; primary?: boolean }) {
  return (
    <td
      data-label={primary ? undefined : label}
      data-primary={primary ? '' : undefined}
      className={className}
      {...props}
    >
      {label && !primary ? <div>{children}</div> : children}
    </td>
  );
}

/** A column header that sorts by its column: a link (works without scripts), `aria-sort` on the header. */
export function SortableTH({
  label,
  href,
  active,
  order,
  nextOrder,
}: {
  label: string;
  href: string;
  active: boolean;
  order: 'asc' | 'desc';
  nextOrder: 'asc' | 'desc';
}) {
  return (
    <th scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link href={href} className="inline-flex items-center gap-1 text-blue-800 underline-offset-4 hover:underline">
        {label}
        <span aria-hidden="true" className={active ? 'text-slate-900' : 'text-slate-500'}>
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">{nextOrder === 'asc' ? ' (오름차순으로 정렬)' : ' (내림차순으로 정렬)'}</span>
      </Link>
    </th>
  );
}

/** A dash for an empty value, muted. */
export const None = () => <span className="text-slate-600">—</span>;
