'use client';

import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import type { DuplicateCardMatch } from '@/lib/client/api';

/** The typed card is already active under other customer_uids: who, and go on or stop. */
export function DuplicateCardNotice({
  matches,
  onIssue,
  onCancel,
}: {
  matches: DuplicateCardMatch[];
  onIssue: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="duplicate-card-title"
      className="space-y-3 rounded-xl border-2 border-orange-400 bg-orange-50 p-4"
    >
      <h2 id="duplicate-card-title" ref={heading} tabIndex={-1} className="text-base font-bold text-orange-950">
        같은 카드가 이미 다른 고객 결제수단 ID에 등록되어 있습니다
      </h2>
      <p className="text-sm text-orange-950">
        카드번호 앞 6자리와 끝 4자리가 같은 활성 빌링키입니다. 같은 고객이라면 기존 ID로 교체하는 편이 맞을 수 있습니다.
      </p>
      <ul className="space-y-1 text-sm text-slate-900">
        {matches.map((match) => (
          <li key={match.customerUid} className="flex flex-wrap gap-x-2">
            <span className="font-mono break-all">{match.customerUid}</span>
            <span>{match.customerName ?? '이름 없음'}</span>
            <span className="font-mono text-slate-700">{match.cardNumberMasked ?? ''}</span>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button variant="warning" onClick={onIssue}>
          그래도 새로 발급
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          발급하지 않음
        </Button>
      </div>
    </section>
  );
}
