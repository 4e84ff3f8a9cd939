import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { None, SortableTH, Table, TableFrame, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { StaffLabel } from '@/components/staff-label';
import type { BillingKeyListRow } from '@/lib/model/billing-keys';
import { CARD_TYPE_SHORT_LABELS, formatKst } from '@/lib/format';
import { pgDisplayName } from '@/lib/gateways/catalog';
import { SORT_LABELS, type BillingKeyFilters, type SortField } from '@/lib/validations/billing-key-filters';
import { keyDetailHref, keysHref } from './keys-href';

/** A column header that sorts by its column; pressing the active one flips the order. */
function SortHeader({ filters, field, label }: { filters: BillingKeyFilters; field: SortField; label: string }) {
  const active = filters.sort === field;
  const firstOrder = field === 'issued_at' || field === 'updated_at' ? 'desc' : 'asc';
  const nextOrder = active ? (filters.order === 'asc' ? 'desc' : 'asc') : firstOrder;
  return (
    <SortableTH
      label={label}
      href={keysHref(filters, { sort: field, order: nextOrder, page: 1 })}
      active={active}
      order={filters.order}
      nextOrder={nextOrder}
    />
  );
}

function Row({ row, filters }: { row: BillingKeyListRow; filters: BillingKeyFilters }) {
  const deleted = row.status === 'deleted';
  const type = row.cardType === 'unknown' ? null : CARD_TYPE_SHORT_LABELS[row.cardType];
  return (
    <TR tone={deleted ? 'muted' : undefined}>
      <TD primary className="md:max-w-64">
        <Link
          href={keyDetailHref(row.customerUid)}
          className="font-mono break-all text-blue-800 underline underline-offset-2"
        >
          {row.customerUid}
        </Link>
      </TD>
      <TD label="카드사">
        {row.cardName ?? <None />}
        {(row.cardCode || type) && (
          <small>
            {row.cardCode && <span className="font-mono">{row.cardCode}</span>}
            {row.cardCode && type && ' · '}
            {type}
          </small>
        )}
      </TD>
      <TD label="카드번호" className="font-mono whitespace-nowrap">
        {row.cardNumberMasked ?? <None />}
      </TD>
      <TD label="PG · MID">
        <span title={pgDisplayName(row.pgProvider)}>{row.pgProvider}</span>
        <small className="font-mono">{row.pgId}</small>
      </TD>
      <TD label="상태">
        <span className="flex flex-wrap gap-1">
          {deleted ? <Badge tone="slate">삭제됨</Badge> : <Badge tone="green">활성</Badge>}
          {row.sandbox === null ? null : row.sandbox ? (
            <Badge tone="amber">테스트</Badge>
          ) : (
            <Badge tone="red">실제</Badge>
          )}
        </span>
      </TD>
      <TD label="고객">
        {row.customerName ?? <None />}
        {row.customerTel && <small className="whitespace-nowrap">{row.customerTel}</small>}
      </TD>
      <TD label="발급 시각" className="md:min-w-28">
        {formatKst(row.issuedAt)}
      </TD>
      <TD label="발급자">
        <StaffLabel
          id={row.issuedBy}
          email={row.issuedByEmail}
          href={keysHref(filters, { issued_by: row.issuedBy ?? undefined, page: 1 })}
          className="md:max-w-44"
        />
      </TD>
    </TR>
  );
}

/** The page of billing keys: a table on wide screens (uid column sticky), one card per key on a phone. */
export function ResultsTable({ rows, filters }: { rows: BillingKeyListRow[]; filters: BillingKeyFilters }) {
  const caption = `빌링키 목록, ${SORT_LABELS[filters.sort]} ${filters.order === 'asc' ? '오름차순' : '내림차순'}`;
  return (
    <TableFrame label="빌링키 목록 표">
      <Table caption={caption} cards stickyFirst>
        <THead>
          <tr>
            <SortHeader filters={filters} field="customer_uid" label="고객 결제수단 ID" />
            <SortHeader filters={filters} field="card_name" label="카드사" />
            <TH>카드번호</TH>
            <TH>PG · MID</TH>
            <TH>상태</TH>
            <SortHeader filters={filters} field="customer_name" label="고객" />
            <SortHeader filters={filters} field="issued_at" label="발급 시각 (KST)" />
            <TH>발급자</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((row) => (
            <Row key={row.customerUid} row={row} filters={filters} />
          ))}
        </TBody>
      </Table>
    </TableFrame>
  );
}
