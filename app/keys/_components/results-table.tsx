import Link from 'next/link';
import type { BillingKeyListRow } from '@/lib/billing-keys/list';
import { formatKst } from '@/lib/format';
import { pgDisplayName } from '@/lib/gateways/catalog';
import { SORT_LABELS, type BillingKeyFilters, type SortField } from '@/lib/validations/billing-key-filters';
import { keyDetailHref, keysHref } from './keys-href';

/** Cell styles set once on the table (not on each of 500 cells), which keeps the page and its RSC payload small. */
const tableClass =
  'min-w-full divide-y divide-slate-200 [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_td]:text-sm [&_td]:text-slate-900 ' +
  '[&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_th]:text-xs [&_th]:font-semibold [&_th]:whitespace-nowrap [&_th]:text-slate-700 ' +
  '[&_small]:block [&_small]:text-xs [&_small]:text-slate-600 [&_td]:break-keep';
const none = <span className="text-slate-600">—</span>;

const CARD_TYPE_TEXT = { credit: '신용', check: '체크', unknown: null } as const;

/** A column header that sorts by its column; pressing the active one flips the order. */
function SortableHeader({ filters, field, label }: { filters: BillingKeyFilters; field: SortField; label: string }) {
  const active = filters.sort === field;
  const firstOrder = field === 'issued_at' || field === 'updated_at' ? 'desc' : 'asc';
  const nextOrder = active ? (filters.order === 'asc' ? 'desc' : 'asc') : firstOrder;
  const ariaSort = active ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort}>
      <Link
        href={keysHref(filters, { sort: field, order: nextOrder, page: 1 })}
        className="inline-flex items-center gap-1 text-blue-800 underline-offset-4 hover:underline"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-slate-900' : 'text-slate-500'}>
          {active ? (filters.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">{nextOrder === 'asc' ? ' (오름차순으로 정렬)' : ' (내림차순으로 정렬)'}</span>
      </Link>
    </th>
  );
}

function Badge({ tone, children }: { tone: 'amber' | 'red' | 'green' | 'slate'; children: React.ReactNode }) {
  const tones = {
    amber: 'border-amber-400 bg-amber-100 text-amber-950',
    red: 'border-red-300 bg-red-100 text-red-900',
    green: 'border-emerald-300 bg-emerald-100 text-emerald-900',
    slate: 'border-slate-400 bg-slate-200 text-slate-900',
  };
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[tone]}`}>
      {children}
    </span>
  );
}

function Row({ row }: { row: BillingKeyListRow }) {
  const deleted = row.status === 'deleted';
  return (
    <tr className={deleted ? 'bg-slate-100' : undefined}>
      <td>
        <Link
          href={keyDetailHref(row.customerUid)}
          className="font-mono whitespace-nowrap text-blue-800 underline underline-offset-2"
        >
          {row.customerUid}
        </Link>
      </td>
      <td>
        {row.cardName ?? none}
        {row.cardCode && <small className="font-mono">{row.cardCode}</small>}
      </td>
      <td className="font-mono whitespace-nowrap">{row.cardNumberMasked ?? none}</td>
      <td>{CARD_TYPE_TEXT[row.cardType] ?? none}</td>
      <td>
        <span title={pgDisplayName(row.pgProvider)}>{row.pgProvider}</span>
        <small className="font-mono">{row.pgId}</small>
      </td>
      <td>
        {row.sandbox === null ? (
          none
        ) : row.sandbox ? (
          <Badge tone="amber">테스트</Badge>
        ) : (
          <Badge tone="red">실제</Badge>
        )}
      </td>
      <td>{deleted ? <Badge tone="slate">삭제됨</Badge> : <Badge tone="green">활성</Badge>}</td>
      <td>
        {row.customerName ?? none}
        {row.customerTel && <small className="whitespace-nowrap">{row.customerTel}</small>}
      </td>
      <td className="whitespace-nowrap">{formatKst(row.issuedAt)}</td>
      <td className="break-all">{row.issuedByEmail ?? row.issuedBy ?? none}</td>
    </tr>
  );
}

/** The page of billing keys; the region scrolls sideways on narrow screens and takes keyboard focus for it. */
export function ResultsTable({ rows, filters }: { rows: BillingKeyListRow[]; filters: BillingKeyFilters }) {
  const caption = `빌링키 목록, ${SORT_LABELS[filters.sort]} ${filters.order === 'asc' ? '오름차순' : '내림차순'}`;
  return (
    <div
      role="region"
      aria-label="빌링키 목록 표"
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white"
    >
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <SortableHeader filters={filters} field="customer_uid" label="고객 결제수단 ID" />
            <SortableHeader filters={filters} field="card_name" label="카드사" />
            <th scope="col">카드번호</th>
            <th scope="col">신용/체크</th>
            <th scope="col">PG · MID</th>
            <th scope="col">테스트/실제</th>
            <th scope="col">상태</th>
            <SortableHeader filters={filters} field="customer_name" label="고객" />
            <SortableHeader filters={filters} field="issued_at" label="발급 시각 (KST)" />
            <th scope="col">발급자</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <Row key={row.customerUid} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
