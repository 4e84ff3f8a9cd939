import { explainIamportMessage } from '@/lib/gateways/explain';

const WHO = {
  customer: '고객에게 확인',
  agent: '상담원이 입력 확인',
  admin: '관리자 조치 필요',
  card_company: '카드사 문의 필요',
} as const;

/** The plain cause and the fix for a known Iamport/PG message; nothing for an unknown one. */
export function ErrorExplanation({ message }: { message: string | null | undefined }) {
  const explanation = explainIamportMessage(message);
  if (!explanation) return null;
  return (
    <div className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-slate-900">
      <p className="flex flex-wrap items-center gap-2 font-semibold">
        무슨 뜻인가요?
        <span className="rounded bg-sky-800 px-2 py-0.5 text-xs font-bold text-white">{WHO[explanation.who]}</span>
      </p>
      <p className="mt-1">원인: {explanation.cause}</p>
      <p className="mt-1">해결: {explanation.fix}</p>
    </div>
  );
}
