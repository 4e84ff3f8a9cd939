'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FilterIcon } from '@/components/ui/icons';
import type { FilterBarState } from './list-query';
import { useListTransition } from './pending';

/** The results' heading (list-scaffold.tsx), where focus goes after a search. */
export const RESULTS_HEADING_ID = 'results-title';

/**
 * The address a search went to, read by the filter bar of the page it leads to (the bar is re-keyed
 * by the query, so a new one mounts): there focus moves to the results instead of falling to the
 * top of the page. Any other page that mounts a bar only clears it.
 */
let searchedFor: string | null = null;

/**
 * The filter bar of every list: a GET form, so the filters live in the URL (reload, bookmark,
 * share) and it works before scripts load. With scripts it navigates in a transition (the results
 * dim instead of the page going blank) and leaves empty fields out of the URL. On a phone only the
 * search field shows; the other filters fold behind a button that says how many are set.
 * Give it `key={query}` so its fields follow the URL after a chip or a link changes it.
 */
export function FilterBar({
  action,
  label,
  search,
  children,
  activeCount,
  errors = {},
  searchName,
  message,
  clearHref = action,
  hidden,
  submitLabel = '조회',
}: {
  action: string;
  label: string;
  /** The field always shown (search box, or the most used filter). */
  search: ReactNode;
  /** The other filters: Fields with compact controls. */
  children?: ReactNode;
  /** How many of the folded filters are set (shown on the phone's filter button). */
  activeCount: number;
  /** The field messages; a folded filter with one opens the panel on a phone from the start. */
  errors?: FilterBarState['errors'];
  /** The `name` of the search field, which is never folded. */
  searchName?: string;
  /** A message about the query that belongs to no field shown (page size, paging position). */
  message?: string;
  /** Where "조건 지우기" leads: the list without a filter (`action` unless said). */
  clearHref?: string;
  /** Hidden inputs that travel with the form (page size). */
  hidden?: ReactNode;
  submitLabel?: string;
}) {
  const router = useRouter();
  const { start } = useListTransition();
  const [open, setOpen] = useState(() => Object.keys(errors).some((name) => name !== searchName));
  const panelId = useId();
  useEffect(() => {
    const arrived = searchedFor === `${window.location.pathname}${window.location.search}`;
    searchedFor = null;
    if (arrived) document.getElementById(RESULTS_HEADING_ID)?.focus();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim() !== '') params.append(name, value);
    }
    const query = params.toString();
    const target = query ? `${action}?${query}` : action;
    searchedFor = target;
    start(() => router.push(target));
  }

  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      onSubmit={submit}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-64">{search}</div>
        <div className="flex items-center gap-2">
          <Button type="submit" size="sm" className="h-9">
            {submitLabel}
          </Button>
          {children && (
            <Button
              variant="secondary"
              size="sm"
              className="h-9 md:hidden"
              aria-expanded={open}
              aria-controls={panelId}
              onClick={() => setOpen((current) => !current)}
            >
              <FilterIcon />
              필터{activeCount > 0 ? ` ${activeCount}` : ''}
              <span className="sr-only">{open ? ' 접기' : ' 펼치기'}</span>
            </Button>
          )}
          <Link href={clearHref} className={cn(buttonVariants({ variant: 'link', size: 'sm' }), 'px-1 text-sm')}>
            조건 지우기
          </Link>
        </div>
      </div>
      {children && (
        <div
          id={panelId}
          className={cn(
            'grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3 md:grid md:grid-cols-4 xl:grid-cols-6',
            open ? 'grid' : 'hidden',
          )}
        >
          {children}
          {message && <p className="col-span-full text-sm text-red-700">{message}</p>}
        </div>
      )}
      {hidden}
    </form>
  );
}
