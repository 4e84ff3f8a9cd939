import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from './cn';

/**
 * The frame a table scrolls in when it is wider than the page: a named region that takes keyboard
 * focus (so it can be scrolled without a mouse). The page itself never scrolls sideways.
 */
function TableFrame({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
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

/** A column header that sorts by its column: a link (works without scripts), `aria-sort` on the header. */
function SortableTH({
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

/** Where a sortable column's header links, and how it sorts now. */
export interface ColumnSort {
  href: string;
  active: boolean;
  order: 'asc' | 'desc';
  nextOrder: 'asc' | 'desc';
}

/** One column of a {@link DataTable}: its header, and how a row fills its cell. */
export interface Column<Row> {
  /** Unique among the columns; the header's text when it is a string. */
  id?: string;
  header: ReactNode;
  /**
   * The cell's name on a phone, where each row is a card: the header's text unless given (a shorter
   * one, say); a `primary` cell, the card's title, has none.
   */
  label?: string;
  /** The card's title on a phone. */
  primary?: boolean;
  /** Its cells name their row (`<th scope="row">`), as the matrix's scenario or a staff email does. */
  rowHeader?: boolean;
  /** Classes of each cell; a function when they depend on the row. */
  className?: string | ((row: Row) => string | undefined);
  headerClassName?: string;
  /** Makes the header a sort link (`header` must then be its text). */
  sort?: ColumnSort;
  cell: (row: Row) => ReactNode;
}

type Tone = 'muted' | 'selected' | 'warn';
type RowKey = string | number;

/** Rows with an `id`, and rows that are strings, are keyed by that; others say how (`rowKey`). */
type RowKeyProp<Row> = [Row] extends [{ id: RowKey } | string]
  ? { rowKey?: (row: Row) => RowKey }
  : { rowKey: (row: Row) => RowKey };

interface DataTableProps<Row> {
  /** The table's name, read before its rows; also the scrolling frame's (a region) unless `label` is given. */
  caption: string;
  label?: string;
  columns: readonly (Column<NoInfer<Row>> | false | null | undefined)[];
  rows: readonly Row[];
  rowTone?: (row: NoInfer<Row>) => Tone | undefined;
  /** Below `md` each row is a card (the default); a grid that must stay a grid says `false`. */
  cards?: boolean;
  stickyFirst?: boolean;
  className?: string;
}

const keyOf = (row: unknown): RowKey => (typeof row === 'string' ? row : (row as { id: RowKey }).id);

/**
 * Every table of the console: a named frame that scrolls sideways on its own, a caption, a header
 * row and a row per item, from a list of columns. The pages say what each column shows; the frame,
 * the phone's row cards (`cards`) and the sticky first column (`stickyFirst`) are the same
 * everywhere. Cell padding and type are set once (app/globals.css, `.data-table`), not per cell.
 */
export function DataTable<Row>({
  label,
  caption,
  columns,
  rows,
  rowKey,
  rowTone,
  cards = true,
  stickyFirst = false,
  className,
}: DataTableProps<Row> & RowKeyProp<NoInfer<Row>>) {
  const keyFor = (rowKey ?? keyOf) as (row: Row) => RowKey;
  const shown = columns.filter((column): column is Column<Row> => Boolean(column));
  const idOf = (column: Column<Row>, index: number) =>
    column.id ?? (typeof column.header === 'string' ? column.header : String(index));
  return (
    <TableFrame label={label ?? caption} className={className}>
      <table className={cn('data-table', cards && 'table-cards', stickyFirst && 'sticky-first')}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {shown.map((column, index) =>
              column.sort ? (
                <SortableTH key={idOf(column, index)} label={String(column.header)} {...column.sort} />
              ) : (
                <th key={idOf(column, index)} scope="col" className={column.headerClassName}>
                  {column.header}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            // `data-tone` tints the row (and its sticky first cell).
            <tr key={keyFor(row)} data-tone={rowTone?.(row)}>
              {shown.map((column, index) => (
                <Cell key={idOf(column, index)} column={column} row={row} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

/** A cell: labelled for the phone's card (its value wrapped, so it stays one block beside the label). */
function Cell<Row>({ column, row }: { column: Column<Row>; row: Row }) {
  const className = typeof column.className === 'function' ? column.className(row) : column.className;
  const label = column.label ?? (typeof column.header === 'string' ? column.header : undefined);
  const labelled = label !== undefined && !column.primary;
  const content = column.cell(row);
  const attributes = {
    className,
    'data-label': labelled ? label : undefined,
    'data-primary': column.primary ? '' : undefined,
  };
  const children = labelled ? <div>{content}</div> : content;
  return column.rowHeader ? (
    <th scope="row" {...attributes}>
      {children}
    </th>
  ) : (
    <td {...attributes}>{children}</td>
  );
}
