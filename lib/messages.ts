import type { ErrorCode } from './errors';

/**
 * Korean words for codes that come from elsewhere, written once for the server and the browser
 * (no server-only imports here): better-auth's error codes (its own messages are English) and the
 * app's error codes as staff read them on screen.
 */

/** better-auth's codes → what staff see. */
export const AUTH_MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: '이메일 또는 비밀번호가 올바르지 않습니다.',
  INVALID_EMAIL: '이메일 형식이 아닙니다.',
  INVALID_PASSWORD: '비밀번호가 올바르지 않습니다.',
  PASSWORD_TOO_SHORT: '비밀번호가 너무 짧습니다.',
  PASSWORD_TOO_LONG: '비밀번호가 너무 깁니다.',
  INVALID_CODE: '인증 코드가 올바르지 않습니다. 인증 앱에 지금 표시된 6자리를 입력하세요.',
  INVALID_TWO_FACTOR_COOKIE: '인증 시간이 지났습니다. 이메일과 비밀번호부터 다시 입력하세요.',
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: '인증 코드를 너무 많이 틀렸습니다. 이메일과 비밀번호부터 다시 입력하세요.',
  ACCOUNT_TEMPORARILY_LOCKED: '인증 코드를 너무 많이 틀려 계정이 잠시 잠겼습니다. 15분 뒤에 다시 시도하세요.',
  TOTP_ALREADY_ENABLED: '2단계 인증이 이미 켜져 있습니다.',
  TOTP_NOT_ENABLED: '2단계 인증 설정을 먼저 시작하세요.',
  UNAUTHORIZED: '로그인이 필요합니다. 다시 로그인하세요.',
  VALIDATION_ERROR: '요청 값이 올바르지 않습니다. 입력값을 확인하세요.',
};

/** The app's error codes (lib/errors.ts) as a short Korean phrase, for lists of past failures. */
export const ERROR_CODE_LABELS: Record<ErrorCode, string> = {
  validation_failed: '입력값 오류',
  invalid_query: '조회 조건 오류',
  invalid_json: '요청 형식 오류',
  invalid_path: '잘못된 주소',
  card_rejected: '카드 거절',
  not_found: '찾을 수 없음',
  upstream_unavailable: 'Iamport 연결 실패',
  upstream_unauthorized: 'Iamport 인증 실패 (API 키 확인)',
  outcome_unknown: '응답 없음 (결과 확인 필요)',
  database_unavailable: '데이터베이스 연결 실패',
  channels_unavailable: '채널 목록 확인 불가',
  audit_unavailable: '감사 기록 불가',
  replacement_unconfirmed: '교체 확인 필요',
  issuance_in_progress: '같은 ID로 발급 진행 중',
  unauthenticated: '로그인 필요',
  forbidden: '권한 없음',
  rate_limited: '요청이 너무 많음',
  payload_too_large: '요청이 너무 큼',
  unsupported_media_type: '요청 형식 오류',
  internal_error: '서버 오류',
} satisfies Record<ErrorCode, string>;

/** An app error code in Korean; one this table does not know yet reads "기타 오류". */
export function errorCodeLabel(code: string): string {
  return Object.hasOwn(ERROR_CODE_LABELS, code) ? ERROR_CODE_LABELS[code as ErrorCode] : '기타 오류';
}
