/**
 * The PG's own reason code in an Iamport rejection message, whatever form the PG's module answers
 * in. Shared by the server (stored on attempts, QA cells) and the browser.
 *
 * Forms seen or simulated (the sandbox answers each, docs/sandbox.md "PG message forms"):
 * - `[F112]유효하지않은 카드번호…` (nice): the bracket is the reason code;
 * - `[400]Error From NICEPAY. (message: 비밀번호틀림, code:F115)` (nice_v2): `400` is only NICEPAY's
 *   HTTP-like status, the reason is the inner `code:F115`;
 * - `[8135] 비밀번호 오류` (kcp), `[INVALID_PASSWORD]…` (tosspayments): the bracket;
 * - `비밀번호오류 (응답코드 7051)` (ksnet): no bracket, the code follows `응답코드`;
 * - `비밀번호 오류 [W205]` (welcome): the bracket at the end;
 * - `[DAOU]비밀번호 오류 (code=1005)` (daou): the bracket names the PG, `code=` is the reason.
 * An inner `code:`/`code=` or `응답코드` wins over a bracket; without either, the first bracket counts.
 */
const INNER_CODE = /\bcode\s*[:=]\s*([A-Za-z0-9_.-]{1,40})/i;
const RESPONSE_CODE = /응답\s*코드\s*[:=]?\s*([A-Za-z0-9_.-]{1,40})/;
const BRACKET = /\[([^\]\s]{1,40})\]/;

export function pgReasonCode(message: string | null | undefined): string | null {
  if (!message) return null;
  for (const pattern of [INNER_CODE, RESPONSE_CODE, BRACKET]) {
    const match = pattern.exec(message);
    if (match?.[1]) return match[1];
  }
  return null;
}
