import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Column } from '@/components/ui/table';
import { formatKst } from '@/lib/format';
import { keyDetailHref } from './key-href';

/** A column of instants shown in KST; by default the card's title on a phone. */
export function timeColumn<Row>(
  header: string,
  at: (row: Row) => string,
  options: Partial<Pick<Column<Row>, 'label' | 'primary'>> & { after?: (row: Row) => ReactNode } = {},
): Column<Row> {
  const { after, ...rest } = options;
  return {
    header,
    primary: true,
    className: 'whitespace-nowrap',
    cell: (row) => (
      <>
        <time dateTime={at(row)}>{formatKst(at(row))}</time>
        {after?.(row)}
      </>
    ),
    ...rest,
  };
}

/** An audit event's action: its Korean name over the raw action, which is what filters and exports use. */
export function auditActionColumn<Row extends { action: string }>(
  nameOf: (action: string) => string,
  className?: string,
): Column<Row> {
  return {
    header: '작업',
    label: '작업',
    className,
    cell: (row) => (
      <>
        {nameOf(row.action)}
        <span className="block font-mono text-xs text-slate-600">{row.action}</span>
      </>
    ),
  };
}

/** The customer_uid, linked to its key's page; the card's title on a phone. */
export function customerUidColumn<Row extends { customerUid: string }>(
  options: Partial<Pick<Column<Row>, 'sort' | 'className'>> = {},
): Column<Row> {
  return {
    header: '고객 결제수단 ID',
    primary: true,
    cell: (row) => (
      <Link
        href={keyDetailHref(row.customerUid)}
        // break-all lets a long id wrap, and the minimum keeps a usual one (22 characters) on one line:
        // a table gives a column no more than its content's minimum when space is short.
        className="font-mono break-all text-blue-800 underline underline-offset-2 md:inline-block md:min-w-[22ch]"
      >
        {row.customerUid}
      </Link>
    ),
    ...options,
  };
}

/** A row's buttons; the header names the column for screen readers only. */
export function buttonsColumn<Row>(cell: (row: Row) => ReactNode): Column<Row> {
  return { id: 'actions', header: <span className="sr-only">작업</span>, label: '작업', cell };
}
