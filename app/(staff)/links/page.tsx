import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterBar } from '@/components/list/filter-bar';
import { SelectFilter, TextFilter } from '@/components/list/filter-fields';
import { ListScaffold, type ActiveFilter } from '@/components/list/list-scaffold';
import { StaffLabel } from '@/components/staff-label';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable, None } from '@/components/ui/table';
import { can, canAny } from '@/lib/auth/permissions';
import { pageContext, requirePageActor } from '@/lib/auth/session';
import { formatKst } from '@/lib/format';
import { listLinks } from '@/lib/links/links';
import { LINK_STATUSES, linksQuerySchema } from '@/lib/validations/links';
import { LINK_STATUS_LABELS, LinkStatusBadge } from './_components/link-status';

export const metadata: Metadata = { title: '카드 등록 링크' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The links sent: all of them for admins and reviewers, one's own for agents and QA. */
export default async function LinksPage({ searchParams }: Props) {
  const actor = await requirePageActor(['links.view', 'links.view.own'], '/links');
  const raw = await searchParams;
  const filters = { status: first(raw.status), customer_uid: first(raw.customer_uid) };
  const query = linksQuerySchema.parse(filters);
  const page = await listLinks(query, await pageContext(actor));
  const href = (values: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => !!entry[1]));
    return params.size ? `/links?${params.toString()}` : '/links';
  };
  const active: ActiveFilter[] = [];
  if (query.status) {
    active.push({
      name: 'status',
      label: '상태',
      value: LINK_STATUS_LABELS[query.status],
      removeHref: href({ ...filters, status: undefined }),
    });
  }
  if (query.customer_uid) {
    active.push({
      name: 'customer_uid',
      label: '고객 결제수단 ID',
      value: query.customer_uid,
      removeHref: href({ ...filters, customer_uid: undefined }),
    });
  }
  const everyone = can(actor.role, 'links.view');
  return (
    <ListScaffold
      title="카드 등록 링크"
      description={
        everyone
          ? '상담원이 고객에게 보낸 카드 등록 링크입니다 (최신 순, 최대 100개).'
          : '내가 고객에게 보낸 카드 등록 링크입니다 (최신 순, 최대 100개).'
      }
      actions={
        canAny(actor.role, ['links.send', 'links.send.test_only']) ? (
          <Link href="/links/new" className={buttonVariants({ size: 'sm' })}>
            링크 보내기
          </Link>
        ) : undefined
      }
      filterBar={
        <FilterBar
          action="/links"
          label="검색 조건"
          clearHref="/links"
          activeCount={query.status ? 1 : 0}
          search={
            <TextFilter
              name="customer_uid"
              label="고객 결제수단 ID"
              value={filters.customer_uid}
              hint="정확히 일치하는 ID"
              mono
            />
          }
        >
          <SelectFilter
            name="status"
            label="상태"
            value={query.status}
            options={LINK_STATUSES.map((status) => ({ value: status, label: LINK_STATUS_LABELS[status] }))}
          />
        </FilterBar>
      }
      activeFilters={active}
      clearHref="/links"
      results={{
        heading: '링크 목록',
        empty:
          page.links.length > 0 ? undefined : (
            <EmptyState action={active.length ? { href: '/links', label: '조건 지우기' } : undefined}>
              {active.length ? '조건에 맞는 링크가 없습니다.' : '아직 보낸 링크가 없습니다.'}
            </EmptyState>
          ),
        table: (
          <DataTable
            label="카드 등록 링크 목록 표"
            caption="카드 등록 링크 목록, 최신 순"
            rows={page.links}
            columns={[
              {
                header: '만든 시각',
                primary: true,
                cell: (link) => (
                  <Link href={`/links/${link.id}`} className="text-blue-700 underline underline-offset-2">
                    {formatKst(link.createdAt)}
                  </Link>
                ),
              },
              { header: '상태', cell: (link) => <LinkStatusBadge status={link.status} /> },
              {
                header: '고객 결제수단 ID',
                className: 'font-mono text-xs break-all',
                cell: (link) => link.customerUid,
              },
              { header: '채널', cell: (link) => `${link.pg}${link.testChannel ? ' (테스트)' : ''}` },
              {
                header: '보낸 사람',
                cell: (link) => <StaffLabel id={link.createdBy} email={link.createdByEmail} />,
              },
              {
                header: '결과',
                cell: (link) =>
                  link.usedAt ? (
                    `등록됨 ${formatKst(link.usedAt)}`
                  ) : link.failedAttempts > 0 ? (
                    `실패 ${link.failedAttempts}회`
                  ) : link.openedAt ? (
                    '열어 봄'
                  ) : (
                    <None />
                  ),
              },
            ]}
          />
        ),
      }}
    />
  );
}
