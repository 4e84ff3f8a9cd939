import Link from 'next/link';
import { cn } from './cn';
import { XIcon } from './icons';

/** An active filter as a removable chip: a link to the same view without it (works without scripts). */
export function FilterChip({ label, value, removeHref }: { label: string; value: string; removeHref: string }) {
  return (
    <Link
      href={removeHref}
      aria-label={`${label}: ${value} 조건 지우기`}
      className="inline-flex max-w-full items-center gap-1 rounded-full border border-blue-300 bg-blue-50 py-0.5 pr-1.5 pl-2.5 text-xs text-blue-950 hover:border-blue-500 hover:bg-blue-100"
    >
      <span className="text-blue-900">{label}</span>
      <span className="truncate font-semibold">{value}</span>
      <XIcon className="size-3.5 shrink-0" />
    </Link>
  );
}

export function ChipList({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <ul aria-label={label} className={cn('flex flex-wrap items-center gap-1.5', className)}>
      {children}
    </ul>
  );
}
