import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterBar } from '@/components/list/filter-bar';
import { SelectFilter, TextFilter } from '@/components/list/filter-fields';
import { ListScaffold, type ActiveFilter } from '@/components/list/list-scaffold';
import { StaffLabel } from '@/components/staff-label';
import { buttonVariants } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { None, Table, TableFrame, TBody, TD, TH, THead, TR } from '@/components/ui/table';
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
          <TableFrame label="카드 등록 링크 목록">
            <Table caption="카드 등록 링크 목록, 최신 순" cards>
              <THead>
                <TR>
                  <TH>만든 시각</TH>
                  <TH>상태</TH>
                  <TH>고객 결제수단 ID</TH>
                  <TH>채널</TH>
                  <TH>보낸 사람</TH>
                  <TH>결과</TH>
                </TR>
              </THead>
              <TBody>
                {page.links.map((link) => (
                  <TR key={link.id}>
                    <TD label="만든 시각" primary>
                      <Link href={`/links/${link.id}`} className="text-blue-700 underline underline-offset-2">
                        {formatKst(link.createdAt)}
                      </Link>
                    </TD>
                    <TD label="상태">
                      <LinkStatusBadge status={link.status} />
                    </TD>
                    <TD label="고객 결제수단 ID" className="font-mono text-xs break-all">
                      {link.customerUid}
                    </TD>
                    <TD label="채널">
                      {link.pg}
                      {link.testChannel ? ' (테스트)' : ''}
                    </TD>
                    <TD label="보낸 사람">
                      <StaffLabel id={link.createdBy} email={link.createdByEmail} />
                    </TD>
                    <TD label="결과">
                      {link.usedAt ? (
                        `등록됨 ${formatKst(link.usedAt)}`
                      ) : link.failedAttempts > 0 ? (
                        `실패 ${link.failedAttempts}회`
                      ) : link.openedAt ? (
                        '열어 봄'
                      ) : (
                        <None />
                      )}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </TableFrame>
        ),
      }}
    />
  );
}
