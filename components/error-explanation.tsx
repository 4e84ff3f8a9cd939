import { explainIamportMessage } from '@/lib/gateways/explain';
import { Alert } from './ui/alert';
import { Badge } from './ui/badge';

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
    <Alert
      tone="info"
      title={
        <span className="flex flex-wrap items-center gap-2">
          무슨 뜻인가요?
          <Badge tone="blue" solid className="bg-sky-800">
            {WHO[explanation.who]}
          </Badge>
        </span>
      }
    >
      <p>원인: {explanation.cause}</p>
      <p>해결: {explanation.fix}</p>
    </Alert>
  );
}
