import { describe, expect, it } from 'vitest';
import { explainIamportMessage, rejectedFieldOf } from '@/lib/gateways/explain';
import { pgReasonCode } from '@/lib/gateways/pg-code';
import { extractPgCode } from '@/lib/iamport/errors';
import { CARDS, setup } from '@/lib/testing/sandbox';
import { DEFAULT_SANDBOX_CHANNELS } from './index';

const FAIL = '카드정보 인증 및 빌키 발급에 실패하였습니다.';

/** Each key-in PG of the default channels: its message form and reason code for each refusal. */
const FORMS: Record<string, Record<'password' | 'birth' | 'invalid' | 'expired' | 'declined', [string, string]>> = {
  nice: {
    password: ['[F115]비밀번호틀림', 'F115'],
    birth: ['[F116]주민OR사업자등록번호오류', 'F116'],
    invalid: ['[F112]유효하지않은 카드번호를 입력하셨습니다. (card_bin 없음)', 'F112'],
    expired: ['[F113]유효기간오류', 'F113'],
    declined: ['[F114]해당카드 사용불가 가맹점(타카드 사용요망)', 'F114'],
  },
  nice_v2: {
    password: ['[400]Error From NICEPAY. (message: 비밀번호틀림, code:F115)', 'F115'],
    birth: ['[400]Error From NICEPAY. (message: 주민OR사업자등록번호오류, code:F116)', 'F116'],
    invalid: ['[400]Error From NICEPAY. (message: 카드번호틀림, code:F112)', 'F112'],
    expired: ['[400]Error From NICEPAY. (message: 유효기간오류, code:F113)', 'F113'],
    declined: ['[400]Error From NICEPAY. (message: 해당카드 사용불가 가맹점(타카드 사용요망), code:F114)', 'F114'],
  },
  kcp: {
    password: ['[8135] 비밀번호 오류', '8135'],
    birth: ['[8137] 주민번호(생년월일) 오류', '8137'],
    invalid: ['[8108] 카드번호 오류', '8108'],
    expired: ['[8116] 유효기간 오류', '8116'],
    declined: ['[8140] 가맹점 사용불가 카드 (타카드 사용요망)', '8140'],
  },
  ksnet: {
    password: ['비밀번호오류 (응답코드 7051)', '7051'],
    birth: ['주민번호오류 (응답코드 7052)', '7052'],
    invalid: ['카드번호오류 (응답코드 7003)', '7003'],
    expired: ['유효기간오류 (응답코드 7004)', '7004'],
    declined: ['가맹점 사용불가카드 (응답코드 7059)', '7059'],
  },
  tosspayments: {
    password: ['[INVALID_PASSWORD]카드 비밀번호가 일치하지 않습니다.', 'INVALID_PASSWORD'],
    birth: [
      '[INVALID_CARD_IDENTITY]입력하신 생년월일(사업자번호)이 카드 소유주 정보와 일치하지 않습니다.',
      'INVALID_CARD_IDENTITY',
    ],
    invalid: ['[INVALID_CARD_NUMBER]카드번호를 다시 확인해주세요.', 'INVALID_CARD_NUMBER'],
    expired: ['[INVALID_CARD_EXPIRATION]카드 유효기간을 다시 확인해주세요.', 'INVALID_CARD_EXPIRATION'],
    declined: ['[REJECT_CARD_COMPANY]카드사에서 거절한 거래입니다. (해당카드 사용불가 가맹점)', 'REJECT_CARD_COMPANY'],
  },
  welcome: {
    password: ['비밀번호 오류 [W205]', 'W205'],
    birth: ['생년월일 오류 [W206]', 'W206'],
    invalid: ['카드번호 오류 [W201]', 'W201'],
    expired: ['유효기간 오류 [W202]', 'W202'],
    declined: ['사용불가 가맹점 카드 [W203]', 'W203'],
  },
  daou: {
    password: ['[DAOU]비밀번호 오류 (code=1005)', '1005'],
    birth: ['[DAOU]생년월일 오류 (code=1006)', '1006'],
    invalid: ['[DAOU]카드번호 오류 (code=1001)', '1001'],
    expired: ['[DAOU]유효기간 오류 (code=1002)', '1002'],
    declined: ['[DAOU]가맹점 사용불가 카드 (code=1007)', '1007'],
  },
};

/** The explainer's cause for each refusal, whatever the PG's wording. */
const CAUSES = {
  password: /비밀번호 앞 2자리/,
  birth: /생년월일/,
  invalid: /카드번호가 틀렸거나/,
  expired: /유효기간이 맞지 않습니다/,
  declined: /계약으로 받을 수 없는/,
} as const;

/** The one card field each refusal names (the form clears and focuses it); null: the card itself. */
const FIELDS = { password: 'pwd_2digit', birth: 'birth', invalid: null, expired: 'expiry', declined: null } as const;

const keyIn = DEFAULT_SANDBOX_CHANNELS.filter((channel) => channel.type === 'api_payment');
/** What each PG requires, filled, so that the card itself is what is judged. */
const required = { birth: '880101', pwd_2digit: '12', customer_id: 'c-1', customer_name: '홍길동' };

describe('the sandbox answers each PG in its own message form', () => {
  it('covers every key-in default channel', () => {
    expect(keyIn.map((channel) => channel.pg_provider).sort()).toEqual(Object.keys(FORMS).sort());
  });

  it.each(keyIn.map((channel) => [channel.pg_provider, channel] as const))(
    '%s: password, birth, card number, expiry and decline in its form, with its reason code',
    async (provider, channel) => {
      const t = setup();
      const issue = async (card: string, extra: Record<string, string> = {}) => {
        const { status, body } = await t.issue(`pg-${provider}`, {
          card_number: card,
          expiry: '2030-12',
          channel_key: channel.channel_key,
          ...required,
          ...extra,
        });
        expect(status).toBe(200);
        expect(body.code).toBe(-1);
        return body.message as string;
      };
      const answers = {
        password: await issue(CARDS.passwordCheck, { pwd_2digit: '00' }),
        birth: await issue(CARDS.passwordCheck, { birth: '900101' }),
        invalid: await issue(CARDS.unknownBin),
        expired: await issue(CARDS.expired),
        declined: await issue(CARDS.declined),
      };
      for (const [reason, message] of Object.entries(answers) as [keyof typeof answers, string][]) {
        const [pgPart, code] = FORMS[provider]![reason];
        expect(message, `${provider} ${reason}`).toBe(`${FAIL} ${pgPart}`);
        expect(extractPgCode(message), `${provider} ${reason}`).toBe(code);
        expect(explainIamportMessage(message)?.cause, `${provider} ${reason}`).toMatch(CAUSES[reason]);
        // The issue form clears just the field a refusal names, whichever PG worded it.
        expect(rejectedFieldOf(message), `${provider} ${reason}`).toBe(FIELDS[reason]);
      }
    },
  );

  it('refuses a missing PG-required field in the PG’s form and code', async () => {
    const t = setup();
    const channelOf = (provider: string) => keyIn.find((channel) => channel.pg_provider === provider)!;
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
