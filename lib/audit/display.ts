import { auditActionLabel } from '@/lib/validations/audit';
import type { AuditTrailEvent } from '@/lib/model/audit';

/**
 * Who did it, for people: the email, else the account id, else "시스템" for an event no request
 * caused (no client IP: background recovery), else "알 수 없음" (a request nobody was signed in for).
 */
export function actorLabel(event: Pick<AuditTrailEvent, 'actorEmail' | 'actorId' | 'ip'>): string {
  return event.actorEmail ?? event.actorId ?? (event.ip === null ? '시스템' : '알 수 없음');
}

/** `빌링키 발급 (billing_key.issue)`. */
export function actionText(action: string): string {
  const label = auditActionLabel(action);
  return label === action ? action : `${label} (${action})`;
}

/** Korean names of the detail fields the app records; any other key is shown as it is. */
const DETAIL_LABELS: Record<string, string> = {
  reason: '사유',
  cardName: '카드사',
  cardNumberMasked: '카드번호',
  pg: 'PG',
  pgProvider: 'PG사',
  pgId: 'MID',
  pgCode: 'PG 코드',
  error: '오류',
  attemptId: '시도 ID',
  resolvedBy: '확정 방법',
  liveStatus: 'Iamport 상태',
  liveState: '대조 상태',
  stored: '저장됨',
  differences: '다른 항목',
  email: '이메일',
  role: '역할',
  active: '활성',
  via: '경로',
  from: '이전',
  to: '이후',
  method: '방식',
  step: '단계',
  change: '변경',
  format: '형식',
  filename: '파일',
  filter: '조건',
  mode: '모드',
  ms: '소요(ms)',
  checked: '확인',
  unavailable: '확인 불가',
  channels: '채널',
  scenarios: '시나리오',
  counts: '결과 수',
  live: '실제 채널 포함',
  deleted: '정리(삭제)',
  cleanupFailed: '정리 실패',
};

const MAX_VALUE_CHARS = 160;

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > MAX_VALUE_CHARS ? `${json.slice(0, MAX_VALUE_CHARS - 1)}…` : json;
}

/** The details as short `이름: 값` pairs (nested values as compact JSON), empty ones left out. */
export function detailEntries(
  details: Record<string, unknown> | null,
): { key: string; label: string; value: string }[] {
  if (!details) return [];
  return Object.entries(details)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => ({ key, label: DETAIL_LABELS[key] ?? key, value: valueText(value) }));
}
