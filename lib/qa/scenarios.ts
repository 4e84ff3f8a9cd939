import { requiredFieldsFor, type PerPgField } from '@/lib/gateways/catalog';
import { QA_SCENARIOS, type QaScenario } from '@/lib/validations/qa';
import type { QaCell, QaOutcome } from '@/lib/model/qa';

/** Shared with the browser: what each scenario sends and what the sandbox answers to it. */
export interface QaScenarioInfo {
  scenario: QaScenario;
  label: string;
  expected: QaCell['expected'];
  /**
   * False only where the scenario can be played without a test card number: on a live channel those
   * are the only ones sent (test card numbers are refused there, lib/pg/test-cards.ts).
   */
  needsTestCard: boolean;
}

const info = (
  scenario: QaScenario,
  label: string,
  expected: QaCell['expected'],
  needsTestCard = true,
): QaScenarioInfo => ({
  scenario,
  label,
  expected,
  needsTestCard,
});

export const QA_SCENARIO_INFO: Record<QaScenario, QaScenarioInfo> = {
  success: info('success', '정상 발급', 'issued'),
  invalid_card: info('invalid_card', '카드번호 오류', 'rejected', false),
  expired: info('expired', '유효기간 오류', 'rejected'),
  declined: info('declined', 'PG 승인 거절', 'rejected'),
  no_keyin_module: info('no_keyin_module', '비인증 결제모듈 없음 (code 1)', 'rejected'),
  password_check: info('password_check', '비밀번호 앞 2자리 틀림', 'rejected'),
  missing_pg_field: info('missing_pg_field', 'PG 필수 항목 누락', 'rejected'),
  slow: info('slow', '응답 지연 → 결과 불명', 'unknown'),
  http_500: info('http_500', 'HTTP 500 → 결과 불명', 'unknown'),
  html_error: info('html_error', 'HTTP 502 HTML 오류 페이지 → 결과 불명', 'unknown'),
  truncated_json: info('truncated_json', '잘린 JSON → 결과 불명', 'unknown'),
  connection_drop: info('connection_drop', '응답 중 연결 끊김 → 결과 불명', 'unknown'),
  token_expiry: info('token_expiry', '처리 중 토큰 만료 → 재시도 후 발급', 'issued'),
};

/**
 * What a cell should end as on a PG: the scenario's outcome, except for a missing PG-required field
 * on a PG that requires none (nothing is left out, so the key issues).
 */
export function expectedOutcomeFor(scenario: QaScenario, pgProvider: string): QaCell['expected'] {
  if (scenario === 'missing_pg_field') return requiredFieldsFor(pgProvider).length > 0 ? 'rejected' : 'issued';
  return QA_SCENARIO_INFO[scenario].expected;
}

/** What the `missing_pg_field` cell leaves out on this PG, in Korean, or null when the PG requires nothing. */
export function missingFieldText(pgProvider: string): string | null {
  const field = requiredFieldsFor(pgProvider)[0];
  return field ? `${PER_PG_FIELD_LABELS[field]} (${field}) 빼고 보냄` : null;
}

const PER_PG_FIELD_LABELS: Record<PerPgField, string> = {
  birth: '생년월일',
  pwd_2digit: '비밀번호 앞 2자리',
  cvc: 'CVC',
  customer_id: '구매자 ID',
  customer_name: '구매자 이름',
};

export type QaMatch = 'matched' | 'mismatched';

/**
 * Whether a finished cell came out as expected: the same outcome and, when a PG reason code is
 * expected, the same code. Null while pending and for a skipped cell (nothing to compare).
 */
export function cellMatch(cell: QaCell): QaMatch | null {
  if (cell.outcome === 'pending' || cell.outcome === 'skipped') return null;
  if (cell.outcome !== cell.expected) return 'mismatched';
  if (cell.expectedPgCode && cell.pgCode !== cell.expectedPgCode) return 'mismatched';
  return 'matched';
}

export const MATCH_LABELS: Record<QaMatch, string> = { matched: '예상대로', mismatched: '예상과 다름' };

export const QA_SCENARIO_LIST: readonly QaScenarioInfo[] = QA_SCENARIOS.map((scenario) => QA_SCENARIO_INFO[scenario]);

export const OUTCOME_LABELS: Record<QaOutcome, string> = {
  pending: '대기',
  issued: '발급',
  rejected: '거절',
  unknown: '결과 불명',
  error: '오류',
  skipped: '건너뜀',
};
