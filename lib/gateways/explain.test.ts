import { describe, expect, it } from 'vitest';
import { explainIamportMessage, rejectedFieldOf } from '@/lib/gateways/explain';

const PREFIX = '카드정보 인증 및 빌키 발급에 실패하였습니다. ';

describe('explainIamportMessage', () => {
  it.each([
    [`${PREFIX}[F112]유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)`, /카드번호가 틀렸거나/, 'customer'],
    [
      `${PREFIX}[F113]유효기간오류 - 테스트모드에서는 KB카드 사용이 불가능합니다.`,
      /유효기간이 맞지 않습니다/,
      'customer',
    ],
    [`${PREFIX}[400]Error From NICEPAY. (message: 비밀번호틀림, code:F115)`, /비밀번호 앞 2자리/, 'customer'],
    [`${PREFIX}[400]Error From NICEPAY. (message: 비밀번호 회수초과, code:F117)`, /여러 번 틀려/, 'card_company'],
    [`${PREFIX}[400]Error From NICEPAY. (message: 주민OR사업자등록번호오류, code:F116)`, /생년월일/, 'customer'],
    [`${PREFIX}[F114]해당카드 사용불가 가맹점(타카드 사용요망)`, /계약으로 받을 수 없는/, 'customer'],
    [`${PREFIX}[400].issueCard.password2Digits:Invalid 2 digits of password!`, /비밀번호 앞 2자리/, 'customer'],
    [
      `${PREFIX}[400]Invalid Request. Please Check this argument: birthOrBusinessRegistrationNumber InvalidLength(...)`,
      /생년월일/,
      'customer',
    ],
    ['비인증결제모듈 사용정보를 찾을 수 없습니다.', /키인\) 결제 설정이 없습니다/, 'admin'],
    ['인증에 실패하였습니다. API키와 secret을 확인하세요.', /API 키 또는 시크릿/, 'admin'],
    ['["card_number"] 파라메터는 필수입니다.', /요구하는 항목/, 'agent'],
    ['요청하신 customer_uid(abc)로 등록된 정보를 찾을 수 없습니다.', /Iamport에 없습니다/, 'agent'],
  ])('%s', (message, cause, who) => {
    const explanation = explainIamportMessage(message);
    expect(explanation?.cause).toMatch(cause);
    expect(explanation?.who).toBe(who);
    expect(explanation?.fix.length).toBeGreaterThan(10);
  });

  it('returns null for a message it does not know', () => {
    expect(explainIamportMessage('완전히 새로운 오류')).toBeNull();
    expect(explainIamportMessage(null)).toBeNull();
  });
});

describe('rejectedFieldOf', () => {
  it.each([
    [`${PREFIX}[400]Error From NICEPAY. (message: 비밀번호틀림, code:F115)`, 'pwd_2digit'],
    [`${PREFIX}[F115]비밀번호틀림`, 'pwd_2digit'],
    [`${PREFIX}[400].issueCard.password2Digits:Invalid 2 digits of password!`, 'pwd_2digit'],
    [`${PREFIX}[400]Error From NICEPAY. (message: 주민OR사업자등록번호오류, code:F116)`, 'birth'],
    [`${PREFIX}[F116]주민OR사업자등록번호오류`, 'birth'],
    [
      `${PREFIX}[400]Invalid Request. Please Check this argument: birthOrBusinessRegistrationNumber InvalidLength(4)`,
      'birth',
    ],
    [`${PREFIX}[F113]유효기간오류`, 'expiry'],
    ['["expiry"] 파라메터는 필수입니다.', 'expiry'],
  ])('%s names %s', (message, field) => {
    expect(rejectedFieldOf(message)).toBe(field);
  });

  it.each([
    `${PREFIX}[F112]유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)`,
    `${PREFIX}[F114]해당카드 사용불가 가맹점(타카드 사용요망)`,
    // Too many wrong passwords: the card is locked, asking again cannot help.
    `${PREFIX}[400]Error From NICEPAY. (message: 비밀번호 회수초과, code:F117)`,
    `${PREFIX}[400]Error From NICEPAY. (message: 카드번호오류, code:F113)`,
    '["card_number"] 파라메터는 필수입니다.',
    '완전히 새로운 오류',
    null,
  ])('%s is about the card as a whole', (message) => {
    expect(rejectedFieldOf(message)).toBeNull();
  });
});
