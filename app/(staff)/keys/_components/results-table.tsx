import { Badge } from '@/components/ui/badge';
import { DataTable, type Column, type ColumnSort, None } from '@/components/ui/table';
import { StaffLabel } from '@/components/staff-label';
import { customerUidColumn } from '@/components/table-columns';
import type { BillingKeyListRow } from '@/lib/model/billing-keys';
import { CARD_TYPE_SHORT_LABELS, formatKst } from '@/lib/format';
import { pgDisplayName } from '@/lib/gateways/catalog';
import { SORT_LABELS, type BillingKeyFilters, type SortField } from '@/lib/validations/billing-key-filters';
import { keysHref } from './keys-href';

/** A column header that sorts by its column; pressing the active one flips the order. */
function sortBy(filters: BillingKeyFilters, field: SortField): ColumnSort {
  const active = filters.sort === field;
  const firstOrder = field === 'issued_at' || field === 'updated_at' ? 'desc' : 'asc';
  const nextOrder = active ? (filters.order === 'asc' ? 'desc' : 'asc') : firstOrder;
  return {
    href: keysHref(filters, { sort: field, order: nextOrder, page: 1 }),
    active,
    order: filters.order,
    nextOrder,
  };
}

function columns(filters: BillingKeyFilters): Column<BillingKeyListRow>[] {
  return [
    customerUidColumn({ sort: sortBy(filters, 'customer_uid'), className: 'md:max-w-64' }),
    {
      header: '카드사',
      sort: sortBy(filters, 'card_name'),
      cell: (row) => {
        const type = row.cardType === 'unknown' ? null : CARD_TYPE_SHORT_LABELS[row.cardType];
        return (
          <>
            {row.cardName ?? <None />}
            {(row.cardCode || type) && (
              <small>
                {row.cardCode && <span className="font-mono">{row.cardCode}</span>}
                {row.cardCode && type && ' · '}
                {type}
              </small>
            )}
          </>
        );
      },
    },
    {
      header: '카드번호',
      className: 'font-mono whitespace-nowrap',
      cell: (row) => row.cardNumberMasked ?? <None />,
    },
    {
      header: 'PG · MID',
      cell: (row) => (
        <>
          <span title={pgDisplayName(row.pgProvider)}>{row.pgProvider}</span>
          <small className="font-mono">{row.pgId}</small>
        </>
      ),
    },
    {
      header: '상태',
      cell: (row) => (
        <span className="flex flex-wrap gap-1">
          {row.status === 'deleted' ? <Badge tone="slate">삭제됨</Badge> : <Badge tone="green">활성</Badge>}
          {row.sandbox === null ? null : row.sandbox ? (
            <Badge tone="amber">테스트</Badge>
          ) : (
            <Badge tone="red">실제</Badge>
          )}
        </span>
      ),
    },
    {
      header: '고객',
      sort: sortBy(filters, 'customer_name'),
      cell: (row) => (
        <>
          {row.customerName ?? <None />}
          {row.customerTel && <small className="whitespace-nowrap">{row.customerTel}</small>}
        </>
      ),
    },
    {
      header: '발급 시각 (KST)',
      label: '발급 시각',
      sort: sortBy(filters, 'issued_at'),
      className: 'md:min-w-28',
      cell: (row) => formatKst(row.issuedAt),
    },
    {
      header: '발급자',
      cell: (row) => (
        <StaffLabel
          id={row.issuedBy}
          email={row.issuedByEmail}
          href={keysHref(filters, { issued_by: row.issuedBy ?? undefined, page: 1 })}
          className="md:max-w-44"
        />
      ),
    },
  ];
}

/** The page of billing keys: a table on wide screens (uid column sticky), one card per key on a phone. */
export function ResultsTable({ rows, filters }: { rows: BillingKeyListRow[]; filters: BillingKeyFilters }) {
  const caption = `빌링키 목록, ${SORT_LABELS[filters.sort]} ${filters.order === 'asc' ? '오름차순' : '내림차순'}`;
  return (
    <DataTable
      label="빌링키 목록 표"
      caption={caption}
      stickyFirst
      columns={columns(filters)}
      rows={rows}
      rowKey={(row) => row.customerUid}
      rowTone={(row) => (row.status === 'deleted' ? 'muted' : undefined)}
    />
  );
}
