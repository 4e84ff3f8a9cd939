'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { AttemptsTable } from '@/components/attempts-table';
import type { BillingKeyDetail, DeleteResult } from '@/lib/model/billing-keys';
import { api } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query';
import { DeleteKey } from './delete-key';
import { AuditTrail, DeletedNotice, HistoryTable, RecordFacts } from './key-records';
import { LiveComparison } from './live-comparison';
import { LiveStatus } from './live-status';

/** The detail page's body: rendered on the server first, refreshed through the API after a change. */
export function KeyDetail({
  customerUid,
  initial,
  canDelete: roleCanDelete,
}: {
  customerUid: string;
  initial: BillingKeyDetail;
  /** The viewer's role may delete keys (reviewers, admins; QA test keys). */
  canDelete: boolean;
}) {
  const queryClient = useQueryClient();
  const { data: detail, isFetching } = useQuery({
    queryKey: queryKeys.billingKeyDetail(customerUid),
    queryFn: () => api.billingKeyDetail(customerUid),
    initialData: initial,
  });
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { stored } = detail;
  const deleted = stored?.status === 'deleted';
  const canDelete = roleCanDelete && (!deleted || detail.liveStatus === 'present');

  async function afterDelete(result: DeleteResult) {
    setAnnouncement(
      result.notFoundAtIamport
        ? 'Iamport에는 이미 없던 빌링키입니다. 콘솔 기록을 삭제됨으로 표시했습니다.'
        : '빌링키를 Iamport에서 삭제하고 콘솔에 삭제로 기록했습니다.',
    );
    await queryClient.invalidateQueries({ queryKey: queryKeys.billingKey(customerUid) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.reconcile() });
    headingRef.current?.focus();
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/keys" className="text-blue-700 underline">
            ← 빌링키 목록
          </Link>
        </p>
        <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
          빌링키 상세
        </h1>
        <p className="font-mono text-base break-all text-slate-800">{customerUid}</p>
        <div role="status" aria-live="polite" className="text-sm font-semibold text-emerald-900">
          {announcement}
          {isFetching && <span className="ml-2 font-normal text-slate-600">새로 고치는 중…</span>}
        </div>
      </div>

      <LiveStatus detail={detail} />
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
          <p className="text-sm text-slate-700">이 고객 결제수단 ID로 콘솔에서 발급을 시도한 기록이 없습니다.</p>
        ) : (
          <AttemptsTable attempts={detail.attempts} caption="이 빌링키의 발급 시도, 최신 순" showCustomerUid={false} />
        )}
      </section>

      <AuditTrail events={detail.audit} />

      {canDelete && (
        <DeleteKey
          customerUid={customerUid}
          card={detail.billingKey ?? stored}
          onDeleted={(result) => void afterDelete(result)}
        />
      )}
    </div>
  );
}
