import Link from 'next/link';
import { keyDetailHref } from '@/components/key-href';
import { Alert } from '@/components/ui/alert';
import type { QaCleanup } from '@/lib/model/qa';

/** What the run did with the keys it created: deleted, not there, or still at Iamport. */
export function CleanupSummary({ cleanup }: { cleanup: QaCleanup }) {
  if (cleanup.status === 'pending') {
    return <p className="text-sm text-slate-700">실행이 끝나면 이번 실행이 만든 빌링키를 모두 삭제합니다.</p>;
  }
  const total = cleanup.deleted.length + cleanup.absent.length + cleanup.failed.length;
  return (
    <div className="space-y-2 text-sm">
      <p>
        {total === 0 ? (
          '이번 실행으로 만들어진 빌링키가 없어 삭제할 것이 없습니다.'
        ) : (
          <>
            정리: 삭제 <strong>{cleanup.deleted.length}</strong>개 · 결과 불명이었으나 Iamport에 없음{' '}
            <strong>{cleanup.absent.length}</strong>개 · 삭제 실패{' '}
            <strong className={cleanup.failed.length ? 'text-red-800' : undefined}>{cleanup.failed.length}</strong>개
          </>
        )}
      </p>
      {cleanup.deleted.length > 0 && (
        <details>
          <summary className="cursor-pointer text-blue-700">삭제한 고객 결제수단 ID</summary>
          <ul className="mt-1 list-disc pl-5 font-mono text-xs">
            {cleanup.deleted.map((uid) => (
              <li key={uid}>{uid}</li>
            ))}
          </ul>
        </details>
      )}
      {cleanup.failed.length > 0 && (
        <Alert
          tone="error"
          role="alert"
          title="삭제하지 못해 Iamport에 남아 있는 빌링키 (관리자가 상세 화면에서 삭제하세요)"
        >
          <ul className="list-disc pl-5">
            {cleanup.failed.map((item) => (
              <li key={item.customerUid}>
                <Link href={keyDetailHref(item.customerUid)} className="font-mono break-all text-blue-800 underline">
                  {item.customerUid}
                </Link>{' '}
                — {item.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}
