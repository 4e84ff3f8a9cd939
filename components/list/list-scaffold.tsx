import Link from 'next/link';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { ChipList, FilterChip } from '@/components/ui/chip';
import { RESULTS_HEADING_ID } from './filter-bar';
import { DownloadIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { ListPendingProvider, ListResults } from './pending';

export interface ActiveFilter {
  /** The query parameter. */
  name: string;
  /** The parameter's Korean name. */
  label: string;
  /** Its value as people read it (a label, not a code). */
  value: string;
  /** The same view without this filter (first page). */
  removeHref: string;
}

/**
 * One layout for every list (`/keys`, `/attempts`, `/audit`, and later ones): title, filter bar,
 * the active filters as removable chips, an error for a bad query, the results (count, CSV link,
 * table or empty state) and paging. Data is loaded by the page (a server component) from the URL.
 */
export function ListScaffold({
  title,
  description,
  actions,
  filterBar,
  activeFilters = [],
  clearHref,
  invalid,
  results,
}: {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  filterBar: ReactNode;
  activeFilters?: readonly ActiveFilter[];
  clearHref: string;
  /** The query did not parse: what to say, one line per bad parameter. Nothing is listed. */
  invalid?: { title: string; problems: readonly string[] } | null;
  results?: {
    heading: ReactNode;
    csvHref?: string;
    /** Shown instead of `table` when there are no rows. */
    empty?: ReactNode;
    table?: ReactNode;
    pager?: ReactNode;
  } | null;
}) {
  return (
    <div className="space-y-4">
      <PageHeader title={title} description={description} actions={actions} />
      <ListPendingProvider>
        {filterBar}
        {activeFilters.length > 0 && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-xs font-medium text-slate-700">적용된 조건</span>
            <ChipList label="적용된 조건">
              {activeFilters.map((filter) => (
                <li key={filter.name} className="max-w-full">
                  <FilterChip label={filter.label} value={filter.value} removeHref={filter.removeHref} />
                </li>
              ))}
            </ChipList>
            <Link href={clearHref} className="text-xs text-blue-700 underline underline-offset-2">
              모두 지우기
            </Link>
          </div>
        )}
        {invalid && (
          <Alert tone="error" role="alert" title={invalid.title}>
            <ul className="list-disc pl-5">
              {invalid.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
            <p className="pt-1">
              <Link href={clearHref} className="text-blue-800 underline">
                조건을 모두 지우고 다시 보기
              </Link>
            </p>
          </Alert>
        )}
        {results && (
          <section aria-labelledby={RESULTS_HEADING_ID} className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id={RESULTS_HEADING_ID} tabIndex={-1} className="text-lg font-bold">
                {results.heading}
              </h2>
              {results.csvHref && (
                <a href={results.csvHref} download className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
                  <DownloadIcon />
                  CSV 내보내기
                </a>
              )}
            </div>
            <ListResults>{results.empty ?? results.table}</ListResults>
            {results.pager}
          </section>
        )}
      </ListPendingProvider>
    </div>
  );
}
