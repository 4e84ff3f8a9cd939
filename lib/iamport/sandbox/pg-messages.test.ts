import { describe, expect, it } from 'vitest';
import { explainIamportMessage, rejectedFieldOf } from '@/lib/gateways/explain';
import { pgReasonCode } from '@/lib/gateways/pg-code';
import { extractPgCode } from '@/lib/iamport/errors';
import { CARDS, setup } from '@/lib/testing/sandbox';
import { DEFAULT_SANDBOX_CHANNELS } from './index';

const FAIL = '카드정보 인증 및 빌키 발급에 실패하였습니다.';

type Refusal = 'password' | 'birth' | 'invalid' | 'expired' | 'declined';
const REFUSALS: Refusal[] = ['password', 'birth', 'invalid', 'expired', 'declined'];

/** Each key-in PG's message form: how it words a refusal's text and reason code. */
const FORMS: Record<string, (text: string, code: string) => string> = {
  nice: (text, code) => `[${code}]${text}`,
  nice_v2: (text, code) => `[400]Error From NICEPAY. (message: ${text}, code:${code})`,
  kcp: (text, code) => `[${code}] ${text}`,
  ksnet: (text, code) => `${text} (응답코드 ${code})`,
  tosspayments: (text, code) => `[${code}]${text}`,
  welcome: (text, code) => `${text} [${code}]`,
  daou: (text, code) => `[DAOU]${text} (code=${code})`,
};

/** Each key-in PG of the default channels: its text and reason code for each refusal. */
const REFUSAL_TEXTS: [provider: string, refusal: Refusal, text: string, code: string][] = [
  ['nice', 'password', '비밀번호틀림', 'F115'],
  ['nice', 'birth', '주민OR사업자등록번호오류', 'F116'],
  ['nice', 'invalid', '유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)', 'F112'],
  ['nice', 'expired', '유효기간오류', 'F113'],
  ['nice', 'declined', '해당카드 사용불가 가맹점(타카드 사용요망)', 'F114'],
  ['nice_v2', 'password', '비밀번호틀림', 'F115'],
  ['nice_v2', 'birth', '주민OR사업자등록번호오류', 'F116'],
  ['nice_v2', 'invalid', '카드번호틀림', 'F112'],
  ['nice_v2', 'expired', '유효기간오류', 'F113'],
  ['nice_v2', 'declined', '해당카드 사용불가 가맹점(타카드 사용요망)', 'F114'],
  ['kcp', 'password', '비밀번호 오류', '8135'],
  ['kcp', 'birth', '주민번호(생년월일) 오류', '8137'],
  ['kcp', 'invalid', '카드번호 오류', '8108'],
  ['kcp', 'expired', '유효기간 오류', '8116'],
  ['kcp', 'declined', '가맹점 사용불가 카드 (타카드 사용요망)', '8140'],
  ['ksnet', 'password', '비밀번호오류', '7051'],
  ['ksnet', 'birth', '주민번호오류', '7052'],
  ['ksnet', 'invalid', '카드번호오류', '7003'],
  ['ksnet', 'expired', '유효기간오류', '7004'],
  ['ksnet', 'declined', '가맹점 사용불가카드', '7059'],
  ['tosspayments', 'password', '카드 비밀번호가 일치하지 않습니다.', 'INVALID_PASSWORD'],
  [
    'tosspayments',
    'birth',
    '입력하신 생년월일(사업자번호)이 카드 소유주 정보와 일치하지 않습니다.',
    'INVALID_CARD_IDENTITY',
  ],
  ['tosspayments', 'invalid', '카드번호를 다시 확인해주세요.', 'INVALID_CARD_NUMBER'],
  ['tosspayments', 'expired', '카드 유효기간을 다시 확인해주세요.', 'INVALID_CARD_EXPIRATION'],
  ['tosspayments', 'declined', '카드사에서 거절한 거래입니다. (해당카드 사용불가 가맹점)', 'REJECT_CARD_COMPANY'],
  ['welcome', 'password', '비밀번호 오류', 'W205'],
  ['welcome', 'birth', '생년월일 오류', 'W206'],
  ['welcome', 'invalid', '카드번호 오류', 'W201'],
  ['welcome', 'expired', '유효기간 오류', 'W202'],
  ['welcome', 'declined', '사용불가 가맹점 카드', 'W203'],
  ['daou', 'password', '비밀번호 오류', '1005'],
  ['daou', 'birth', '생년월일 오류', '1006'],
  ['daou', 'invalid', '카드번호 오류', '1001'],
  ['daou', 'expired', '유효기간 오류', '1002'],
  ['daou', 'declined', '가맹점 사용불가 카드', '1007'],
];

/**
 * How each refusal is provoked (the card and what differs from the filled required fields), the
 * explainer's cause for it whatever the PG's wording, and the one card field it names (the form clears
 * and focuses it; null: the card itself).
 */
const REFUSAL_CASES: Record<
  Refusal,
  { card: string; extra?: Record<string, string>; cause: RegExp; field: string | null }
> = {
  password: { card: CARDS.passwordCheck, extra: { pwd_2digit: '00' }, cause: /비밀번호 앞 2자리/, field: 'pwd_2digit' },
  birth: { card: CARDS.passwordCheck, extra: { birth: '900101' }, cause: /생년월일/, field: 'birth' },
  invalid: { card: CARDS.unknownBin, cause: /카드번호가 틀렸거나/, field: null },
  expired: { card: CARDS.expired, cause: /유효기간이 맞지 않습니다/, field: 'expiry' },
  declined: { card: CARDS.declined, cause: /계약으로 받을 수 없는/, field: null },
};

const keyIn = DEFAULT_SANDBOX_CHANNELS.filter((channel) => channel.type === 'api_payment');
const channelOf = (provider: string) => keyIn.find((channel) => channel.pg_provider === provider)!;
/** What each PG requires, filled, so that the card itself is what is judged. */
const required = { birth: '880101', pwd_2digit: '12', customer_id: 'c-1', customer_name: '홍길동' };

describe('the sandbox answers each PG in its own message form', () => {
  it('covers every refusal of every key-in default channel', () => {
    const everyPair = keyIn.flatMap((channel) => REFUSALS.map((refusal) => `${channel.pg_provider} ${refusal}`));
    expect(REFUSAL_TEXTS.map(([provider, refusal]) => `${provider} ${refusal}`).sort()).toEqual(everyPair.sort());
  });

  it.each(REFUSAL_TEXTS)('%s: %s refusal in its form, with its reason code', async (provider, refusal, text, code) => {
    const { card, extra, cause, field } = REFUSAL_CASES[refusal];
    const { status, body } = await setup().issue(`pg-${provider}`, {
      card_number: card,
      expiry: '2030-12',
      channel_key: channelOf(provider).channel_key,
      ...required,
      ...extra,
    });
    expect(status).toBe(200);
    expect(body.code).toBe(-1);
    const message = body.message as string;
    expect(message).toBe(`${FAIL} ${FORMS[provider]!(text, code)}`);
    expect(extractPgCode(message)).toBe(code);
    expect(explainIamportMessage(message)?.cause).toMatch(cause);
    // The issue form clears just the field a refusal names, whichever PG worded it.
    expect(rejectedFieldOf(message)).toBe(field);
  });

  it('refuses a missing PG-required field in the PG’s form and code', async () => {
    const t = setup();
    const cases: [string, Record<string, string>, string, string][] = [
      ['ksnet', { pwd_2digit: '12' }, '생년월일(사업자번호) 미입력 (응답코드 V501)', 'V501'],
      ['ksnet', { birth: '880101' }, '비밀번호 앞 2자리 미입력 (응답코드 V502)', 'V502'],
      ['tosspayments', {}, '[INVALID_REQUEST]customerKey는 필수 입력값입니다.', 'INVALID_REQUEST'],
      ['welcome', {}, '구매자명(buyerName)은 필수 입력값입니다. [W103]', 'W103'],
    ];
    for (const [provider, extra, pgPart, code] of cases) {
      const { body } = await t.issue('missing', {
        card_number: CARDS.kbCheck,
        expiry: '2030-12',
        channel_key: channelOf(provider).channel_key,
        ...extra,
      });
      expect(body.message, provider).toBe(`${FAIL} ${pgPart}`);
      expect(extractPgCode(body.message), provider).toBe(code);
      expect(explainIamportMessage(body.message)?.who, provider).toBe('agent');
    }
  });
});

describe('pgReasonCode', () => {
  it.each([
    ['[F112]유효하지않은 카드번호', 'F112'],
    // Recorded nice_v2 answer: the reason is the inner code, not NICEPAY's 400.
    ['[400]Error From NICEPAY. (message: 카드번호오류, code:F113)', 'F113'],
    ['[400]Error From NICEPAY. (message: 비밀번호틀림, code: F115)', 'F115'],
    // nice_v2 with no inner code: 400 is all there is.
    ['[400].issueCard.password2Digits:Invalid 2 digits of password!', '400'],
    ['비밀번호오류 (응답코드 7051)', '7051'],
    ['응답코드: 7003 카드번호오류', '7003'],
    ['비밀번호 오류 [W205]', 'W205'],
    ['[DAOU]비밀번호 오류 (code=1005)', '1005'],
    ['[INVALID_PASSWORD]카드 비밀번호가 일치하지 않습니다.', 'INVALID_PASSWORD'],
    ['비인증결제모듈 사용정보를 찾을 수 없습니다.', null],
  ])('%s → %s', (pgPart, code) => {
    expect(pgReasonCode(`${FAIL} ${pgPart}`)).toBe(code);
  });

  it('is null without a message', () => {
    expect(pgReasonCode(null)).toBeNull();
    expect(pgReasonCode('')).toBeNull();
  });
});
