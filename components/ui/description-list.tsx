import type { ReactNode } from 'react';
import { cn } from './cn';

const COLUMNS = {
  narrow: { one: 'grid-cols-[7rem_minmax(0,1fr)]', two: 'sm:grid-cols-[7rem_minmax(0,1fr)_7rem_minmax(0,1fr)]' },
  wide: { one: 'grid-cols-[9rem_minmax(0,1fr)]', two: 'sm:grid-cols-[9rem_minmax(0,1fr)_9rem_minmax(0,1fr)]' },
} as const;

/** Label/value pairs in two columns; `columns={2}` puts two pairs per row from the `sm` breakpoint. */
export function DescriptionList({
  items,
  columns = 1,
  terms = 'wide',
  divided = false,
  className,
  label,
}: {
  items: readonly { term: ReactNode; value: ReactNode; key?: string }[];
  columns?: 1 | 2;
  /** Width of the term column: `narrow` 7rem, `wide` 9rem. */
  terms?: keyof typeof COLUMNS;
  divided?: boolean;
  className?: string;
  label?: string;
}) {
  return (
    <dl
      aria-label={label}
      className={cn(
        'grid gap-x-3 text-sm',
        COLUMNS[terms].one,
        columns === 2 && COLUMNS[terms].two,
        divided ? '[&>*]:border-b [&>*]:border-slate-100 [&>*]:py-1.5' : 'gap-y-1',
        className,
      )}
    >
      {items.map((item, index) => (
        <Pair key={item.key ?? index} term={item.term} value={item.value} />
      ))}
    </dl>
  );
}

function Pair({ term, value }: { term: ReactNode; value: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{value}</dd>
    </>
  );
}
