import 'server-only';
import { withCheckDigit } from '@/lib/card-number';
import { BIN_TABLE, groupDigits } from './cards';
import { MAGIC_BIN, SANDBOX_SCENARIOS, type SandboxScenario } from '@/lib/gateways/test-cards';
import type { SandboxCard } from './types';

/** What each magic failure card does; its group digits are the scenario's place in SANDBOX_SCENARIOS. */
const MAGIC_LABELS: Readonly<Record<Exclude<SandboxScenario, 'success'>, string>> = {
  invalid_card: '카드번호 오류 [F112]: 등록되지 않은 BIN (Luhn은 통과)',
  expired: '유효기간 오류 [F113]: 보낸 유효기간과 관계없이 거절',
  declined: 'PG 승인 거절 [F114]: 해당카드 사용불가 가맹점',
  no_keyin_module: '비인증결제모듈 사용정보 없음 (code 1)',
  password_check: '비밀번호 앞 2자리 12, 생년월일 880101일 때만 발급 (그 외 비밀번호/생년월일 오류)',
  slow: '응답 지연(기본 35초) 뒤 발급됨: 타임아웃이면 결과 불명',
  http_500: 'HTTP 500 서버 오류 (발급 안 됨)',
  html_error: 'HTTP 502 로드밸런서 HTML 오류 페이지 (발급 안 됨)',
  truncated_json: 'HTTP 200인데 JSON 본문이 중간에 잘림 (발급 안 됨)',
  connection_drop: '응답 도중 연결 끊김 (발급 안 됨)',
  token_expiry: '처리 중 토큰 만료(401): 새 토큰으로 한 번 재시도하면 발급',
};

function cardTypeLabel(cardType: 0 | 1 | null): string {
  if (cardType === 1) return '체크';
  if (cardType === 0) return '신용';
  return '카드유형 미제공';
}

const successCards: SandboxCard[] = BIN_TABLE.map((entry) => ({
  number: groupDigits(withCheckDigit(`${entry.bin}000000000`)),
  scenario: 'success',
  label: `정상 발급: ${entry.name} (${cardTypeLabel(entry.cardType)})`,
}));

const magicCards: SandboxCard[] = Object.entries(MAGIC_LABELS).map(([scenario, label]) => {
  const group = String(SANDBOX_SCENARIOS.indexOf(scenario as SandboxScenario)).padStart(2, '0');
  return {
    number: groupDigits(withCheckDigit(`${MAGIC_BIN}${group}0000000`)),
    scenario: scenario as SandboxScenario,
    label,
  };
});

export const SANDBOX_CARDS: readonly SandboxCard[] = Object.freeze([...successCards, ...magicCards]);

const scenarioByDigits = new Map(magicCards.map((card) => [card.number.replace(/-/g, ''), card.scenario]));

/** The scenario of a magic failure card (exact number), or undefined for any other number. */
export function magicScenario(digits: string): Exclude<SandboxScenario, 'success'> | undefined {
  return scenarioByDigits.get(digits) as Exclude<SandboxScenario, 'success'> | undefined;
}
