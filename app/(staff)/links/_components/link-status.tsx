import { Badge } from '@/components/ui/badge';
import type { LinkStatusView } from '@/lib/model/links';

export const LINK_STATUS_LABELS: Record<LinkStatusView, string> = {
  active: '대기 중',
  issuing: '등록 중',
  used: '등록됨',
  revoked: '폐기됨',
  locked: '잠김',
  expired: '만료됨',
};

const TONES = {
  active: 'blue',
  issuing: 'amber',
  used: 'green',
  revoked: 'slate',
  locked: 'red',
  expired: 'outline',
} as const;

export function LinkStatusBadge({ status }: { status: LinkStatusView }) {
  return <Badge tone={TONES[status]}>{LINK_STATUS_LABELS[status]}</Badge>;
}
