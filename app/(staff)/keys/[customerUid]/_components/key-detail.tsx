'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { AttemptsTable } from '@/components/attempts-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import type { BillingKeyDetail, DeleteResult } from '@/lib/model/billing-keys';
import { queryKeys } from '@/lib/client/query';
import { DeleteKey } from './delete-key';
import { AuditTrail, DeletedNotice, HistoryTable, RecordFacts } from './key-records';
import { LiveComparison } from './live-comparison';
import { LiveStatus } from './live-status';

/**
 * The detail page's body. The page reads the detail on the server; after a change made here
 * (delete, acknowledge) it is read again the same way (`router.refresh()`), see docs/frontend.md.
 */
export function KeyDetail({
  customerUid,
  detail,
  canDelete: roleCanDelete,
  canList,
}: {
  customerUid: string;
  detail: BillingKeyDetail;
  /** The viewer's role may delete keys (reviewers, admins; QA test keys). */
  canDelete: boolean;
  /** The viewer may open /keys; an agent (exact look-ups only) goes back to the issue form instead. */
  canList: boolean;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [refreshing, startRefresh] = useTransition();
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { stored } = detail;
  const deleted = stored?.status === 'deleted';
  const canDelete = roleCanDelete && (!deleted || detail.liveStatus === 'present');

  function reload() {
    // The issue form's look-up of this uid must not answer from before the change.
    queryClient.removeQueries({ queryKey: queryKeys.billingKey(customerUid) });
    startRefresh(() => router.refresh());
  }

  function afterDelete(result: DeleteResult) {
    setAnnouncement(
      result.notFoundAtIamport
        ? 'Iamport에는 이미 없던 빌링키입니다. 콘솔 기록을 삭제됨으로 표시했습니다.'
        : '빌링키를 Iamport에서 삭제하고 콘솔에 삭제로 기록했습니다.',
    );
    reload();
    headingRef.current?.focus();
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <PageHeader
          back={
            <Link href={canList ? '/keys' : '/keys/new'} className="text-blue-700 underline">
              {canList ? '← 빌링키 목록' : '← 빌링키 발급'}
            </Link>
          }
          title={
            <span ref={headingRef} tabIndex={-1}>
              빌링키 상세
            </span>
          }
        />
        <p className="font-mono text-base break-all text-slate-800">{customerUid}</p>
        <div role="status" aria-live="polite" className="text-sm font-semibold text-emerald-900">
          {announcement}
          {refreshing && <span className="ml-2 font-normal text-slate-600">새로 고치는 중…</span>}
        </div>
      </div>

      <LiveStatus detail={detail} onChanged={reload} />
      {deleted && stored && <DeletedNotice stored={stored} />}
      {stored && <RecordFacts stored={stored} />}
      <LiveComparison detail={detail} />
      <HistoryTable history={detail.history} />

      <section aria-labelledby="attempts-title" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="attempts-title" className="text-lg font-bold">
            발급 시도
          </h2>
          <Link
            href={`/attempts?customer_uid=${encodeURIComponent(customerUid)}`}
            className="text-sm text-blue-700 underline"
          >
            발급 시도 화면에서 보기
          </Link>
        </div>
        {detail.attempts.length === 0 ? (
          <EmptyState className="text-left">이 고객 결제수단 ID로 콘솔에서 발급을 시도한 기록이 없습니다.</EmptyState>
        ) : (
          <AttemptsTable attempts={detail.attempts} caption="이 빌링키의 발급 시도, 최신 순" showCustomerUid={false} />
        )}
      </section>

      <AuditTrail events={detail.audit} />

      {canDelete && <DeleteKey customerUid={customerUid} card={detail.billingKey ?? stored} onDeleted={afterDelete} />}
    </div>
  );
}
