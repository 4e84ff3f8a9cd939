import { CARD_TYPE_SHORT_LABELS, formatKst } from '@/lib/format';
import { errorCodeLabel } from '@/lib/messages';
import type { AuditTrailEvent } from '@/lib/model/audit';
import { auditActionLabel } from '@/lib/validations/audit';
import { ROLE_LABELS } from '@/lib/validations/auth';

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

/** Korean names of every detail field the app records (lib/audit, lib/auth, the routes, QA, reconcile). */
const DETAIL_LABELS: Record<string, string> = {
  reason: '사유',
  cardName: '카드사',
  cardCode: '카드사 코드',
  cardNumberMasked: '카드번호',
  cardType: '카드 종류',
  pg: 'PG',
  pgProvider: 'PG사',
  pgId: 'MID',
  pgCode: 'PG 코드',
  error: '오류',
  attemptId: '시도 ID',
  resolvedBy: '확정 방법',
  liveStatus: 'Iamport 상태',
  liveState: '대조 상태',
  stored: '콘솔 기록',
  differences: '다른 항목',
  notFoundAtIamport: 'Iamport에 이미 없음',
  email: '이메일',
  role: '역할',
  active: '활성',
  via: '경로',
  from: '이전',
  to: '이후',
  method: '방식',
  step: '단계',
  change: '변경',
  secondFactor: '2단계 인증',
  by: '제한 기준',
  retryAfterSeconds: '재시도까지(초)',
  otherSessions: '다른 세션',
  sessions: '끝낸 세션 수',
  status: '상태',
  format: '형식',
  filename: '파일',
  filter: '조건',
  mode: '모드',
  ms: '소요(ms)',
  durationMs: '소요(ms)',
  issueTimeoutMs: '발급 타임아웃(ms)',
  checked: '확인한 키',
  same: '일치',
  changed: '변경됨',
  missing: '없음',
  unavailable: '확인 불가',
  unavailableUids: '확인 불가 키',
  liveCards: '지금 Iamport의 카드',
  // Inside liveCards: Iamport's `updated` of the card.
  updatedAt: 'Iamport 변경 시각',
  batches: '조회 묶음',
  channels: '채널',
  scenarios: '시나리오',
  counts: '결과 수',
  live: '실제 채널 포함',
  deleted: '정리(삭제)',
  cleanupFailed: '정리 실패',
  issued: '발급',
  rejected: '거절',
  unknown: '결과 불명',
  skipped: '건너뜀',
  pending: '진행 중',
  defaultChannelKey: '기본 채널',
  hiddenChannelKeys: '숨긴 채널',
  requireTwoFactor: '2단계 인증 요구',
  // Card-registration links.
  customerUid: '고객 결제수단 ID',
  channel: '보낸 방법',
  token: '토큰(해시 앞자리)',
  expiresAt: '만료 시각',
  replace: '교체 동의',
  tries: '시도 횟수',
  failedAttempts: '실패한 입력',
  expiryMinutes: '링크 유효 시간(분)',
  enteredBy: '입력한 사람',
  linkId: '카드 등록 링크',
  // Inside a recorded list filter (exports).
  q: '검색어',
  mid: 'MID',
  card: '카드사',
  card_type: '카드 종류',
  env: '구분',
  issued_by: '발급자',
  sort: '정렬',
  order: '순서',
  action: '작업',
  result: '결과',
  actor: '수행자',
  target: '대상',
  ip: 'IP',
};

/** Korean for the coded values some fields hold; any other value is shown as it is. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  method: { password: '비밀번호', totp: '인증 앱 코드', backup_code: '복구 코드' },
  step: { password: '비밀번호 단계', second_factor: '2단계 인증 단계' },
  change: { enable_started: '설정 시작', enabled: '켬', disabled: '끔', enable: '켜기', disable: '끄기' },
  secondFactor: { pending: '코드 입력 대기' },
  by: { account: '계정 (모든 주소)', account_ip: '계정 × IP 주소', ip: 'IP 주소' },
  reason: {
    invalid_credentials: '이메일 또는 비밀번호 틀림',
    deactivated: '비활성 계정',
    invalid_code: '인증 코드 틀림',
    challenge_expired: '인증 시간 지남',
    rate_limited: '시도 횟수 초과',
    code_reused: '이미 쓴 인증 코드',
    live_channel: '실제 채널 권한 없음',
  },
  resolvedBy: { lookup: 'Iamport 조회' },
  enteredBy: { customer: '고객 (카드 등록 링크)' },
  channel: { email: '이메일', webhook: '웹훅' },
  liveStatus: { present: '있음', missing: '없음', unavailable: '확인 불가' },
  liveState: { unchecked: '확인 전', same: '일치', changed: '변경됨', missing: '없음' },
  mode: { sandbox: '샌드박스', live: '실제 Iamport' },
  otherSessions: { ended: '모두 끝냄' },
  role: ROLE_LABELS,
  cardType: CARD_TYPE_SHORT_LABELS,
  format: { csv: 'CSV' },
};

/** Field names of a billing key, for `differences`. */
const FIELD_LABELS: Record<string, string> = {
  ...DETAIL_LABELS,
  insertedAt: '최초 발급',
  updatedAt: '마지막 변경',
};

const MAX_VALUE_CHARS = 160;

const cut = (text: string) => (text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '예' : '아니오';
  if (typeof value === 'number') return value.toLocaleString('ko-KR');
  if (typeof value === 'string') {
    if (key === 'error') return `${errorCodeLabel(value)} (${value})`;
    // An instant the app recorded (a link's expiry) reads as the rest of the screen does, in KST.
    if (ISO_INSTANT.test(value)) return formatKst(value);
    return VALUE_LABELS[key]?.[value] ?? value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      key === 'differences' ? (FIELD_LABELS[String(item)] ?? String(item)) : valueText(key, item),
    );
    return cut(items.join(', '));
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // A change: { from, to } reads "이전 → 이후".
    if ('from' in record && 'to' in record && Object.keys(record).length === 2) {
      return cut(`${valueText(key, record.from)} → ${valueText(key, record.to)}`);
    }
    const parts = Object.entries(record)
      .filter(([, inner]) => inner !== undefined && inner !== null)
      .map(([name, inner]) => `${DETAIL_LABELS[name] ?? name} ${valueText(name, inner)}`);
    return cut(parts.join(', ') || '—');
  }
  return cut(JSON.stringify(value));
}

/**
 * The details as short `이름: 값` pairs in Korean: every key the app records has a name, coded values
 * read as words, changes as "이전 → 이후", nested records as "이름 값" lists; empty lists left out.
 * A key this table does not know yet keeps its own name.
 */
export function detailEntries(
  details: Record<string, unknown> | null,
): { key: string; label: string; value: string }[] {
  if (!details) return [];
  return Object.entries(details)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => ({ key, label: DETAIL_LABELS[key] ?? key, value: valueText(key, value) }));
}
