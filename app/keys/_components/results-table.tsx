import Link from 'next/link';
import type { BillingKeyListRow } from '@/lib/billing-keys/list';
import { formatKst } from '@/lib/format';
import { pgDisplayName } from '@/lib/pg/catalog';
import {
  SORT_LABELS,
  type BillingKeyFilters,
  type SortField,
} from '@/lib/validations/billing-key-filters';
import { keyDetailHref, keysHref } from './keys-href';

const th = 'px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700';
const td = 'px-3 py-2 align-top text-sm text-slate-900';
const muted = 'text-slate-600';
const none = <span className={muted}>—</span>;

const CARD_TYPE_TEXT = { credit: '신용', check: '체크', unknown: null } as const;

/** A column header that sorts by its column; pressing the active one flips the order. */
function SortableHeader({ filters, field, label }: { filters: BillingKeyFilters; field: SortField; label: string }) {
  const active = filters.sort === field;
  const firstOrder = field === 'issued_at' || field === 'updated_at' ? 'desc' : 'asc';
  const nextOrder = active ? (filters.order === 'asc' ? 'desc' : 'asc') : firstOrder;
  const ariaSort = active ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={th}>
      <Link
        href={keysHref(filters, { sort: field, order: nextOrder, page: 1 })}
        className="inline-flex items-center gap-1 text-blue-800 underline-offset-4 hover:underline"
      >
        {label}
        <span aria-hidden="true" className={active ? 'text-slate-900' : 'text-slate-500'}>
          {active ? (filters.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">
          {nextOrder === 'asc' ? ' (오름차순으로 정렬)' : ' (내림차순으로 정렬)'}
        </span>
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
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[tone]}`}>{children}</span>;
}

function Row({ row }: { row: BillingKeyListRow }) {
  const deleted = row.status === 'deleted';
  return (
    <tr className={deleted ? 'bg-slate-100' : undefined}>
      <td className={td}>
        <Link href={keyDetailHref(row.customerUid)} className="font-mono break-all text-blue-800 underline underline-offset-2">
          {row.customerUid}
        </Link>
      </td>
      <td className={td}>
        {row.cardName ?? none}
        {row.cardCode && <div className={`font-mono text-xs ${muted}`}>{row.cardCode}</div>}
      </td>
      <td className={`${td} font-mono whitespace-nowrap`}>{row.cardNumberMasked ?? none}</td>
      <td className={td}>{CARD_TYPE_TEXT[row.cardType] ?? none}</td>
      <td className={td}>
        <span title={pgDisplayName(row.pgProvider)}>{row.pgProvider}</span>
        <div className={`font-mono text-xs ${muted}`}>{row.pgId}</div>
      </td>
      <td className={td}>
        {row.sandbox === null ? none : row.sandbox ? <Badge tone="amber">테스트</Badge> : <Badge tone="red">실제</Badge>}
      </td>
      <td className={td}>{deleted ? <Badge tone="slate">삭제됨</Badge> : <Badge tone="green">활성</Badge>}</td>
      <td className={td}>
        {row.customerName ?? none}
        {row.customerTel && <div className={`text-xs whitespace-nowrap ${muted}`}>{row.customerTel}</div>}
      </td>
      <td className={`${td} whitespace-nowrap`}>{formatKst(row.issuedAt)}</td>
      <td className={`${td} break-all`}>{row.issuedBy ?? none}</td>
    </tr>
  );
}

/** The page of billing keys; the region scrolls sideways on narrow screens and takes keyboard focus for it. */
export function ResultsTable({ rows, filters }: { rows: BillingKeyListRow[]; filters: BillingKeyFilters }) {
  const caption = `빌링키 목록, ${SORT_LABELS[filters.sort]} ${filters.order === 'asc' ? '오름차순' : '내림차순'}`;
  return (
    <div role="region" aria-label="빌링키 목록 표" tabIndex={0} className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <SortableHeader filters={filters} field="customer_uid" label="고객 결제수단 ID" />
            <SortableHeader filters={filters} field="card_name" label="카드사" />
            <th scope="col" className={th}>카드번호</th>
            <th scope="col" className={th}>신용/체크</th>
            <th scope="col" className={th}>PG · MID</th>
            <th scope="col" className={th}>테스트/실제</th>
            <th scope="col" className={th}>상태</th>
            <SortableHeader filters={filters} field="customer_name" label="고객" />
            <SortableHeader filters={filters} field="issued_at" label="발급 시각 (KST)" />
            <th scope="col" className={th}>발급자</th>
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
