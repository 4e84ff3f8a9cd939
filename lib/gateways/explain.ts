/**
 * Known Iamport and PG failure messages, mapped to a plain cause and what to do. Matched on the
 * message (and PG code); shown beside the raw message wherever an error appears. Shared with the browser.
 */
export interface Explanation {
  cause: string;
  fix: string;
  /** Whether asking the customer again can help (vs. a configuration problem for an admin). */
  who: 'customer' | 'agent' | 'admin' | 'card_company';
}

/** The one card field a rejection names, which the customer can say again; the rest of the card still stands. */
export type RejectedField = 'pwd_2digit' | 'birth' | 'expiry';

interface Rule extends Explanation {
  match: RegExp;
  field?: RejectedField;
}

const RULES: readonly Rule[] = [
  {
    match: /비밀번호\s*회수\s*초과|비밀번호\s*횟수\s*초과|PIN.*exceed/i,
    cause: '카드 비밀번호를 여러 번 틀려 카드사가 비밀번호 입력을 막았습니다.',
    fix: '더 시도하지 말고 고객에게 카드사에 연락해 비밀번호 오류 횟수를 초기화하도록 안내하세요.',
    who: 'card_company',
  },
  {
    match: /비밀번호\s*틀림|password2Digits|비밀번호\s*오류|비밀번호가\s*일치하지|INVALID_PASSWORD|pwd_2digit/i,
    cause: '카드 비밀번호 앞 2자리가 맞지 않거나 빠졌습니다.',
    fix: '고객에게 비밀번호 앞 2자리를 다시 확인하세요. 여러 번 틀리면 카드가 잠길 수 있습니다.',
    who: 'customer',
    field: 'pwd_2digit',
  },
  {
    match:
      /주민\s*OR\s*사업자등록번호|birthOrBusinessRegistrationNumber|생년월일\s*오류|주민\s*번호.*오류|사업자\s*번호\s*오류|INVALID_CARD_IDENTITY|소유주\s*정보와\s*일치하지/i,
    cause: '생년월일(법인카드는 사업자등록번호)이 카드 명의와 맞지 않거나 빠졌습니다.',
    fix: '개인카드는 명의자의 생년월일 6자리, 법인카드는 사업자등록번호 10자리를 확인해 입력하세요.',
    who: 'customer',
    field: 'birth',
  },
  {
    match: /\[F113\]|유효기간\s*오류|유효기간이\s*지난|유효기간을\s*다시|expir/i,
    cause: '유효기간이 맞지 않습니다. 테스트 모드의 나이스페이는 KB국민카드를 받지 않아 같은 오류가 납니다.',
    fix: '카드 앞면의 유효기간(월/연)을 다시 확인하세요. 테스트 채널이라면 KB국민카드 말고 다른 카드로 시도하세요.',
    who: 'customer',
    field: 'expiry',
  },
  {
    match:
      /\[F112\]|유효하지\s*않은\s*카드번호|카드번호\s*(오류|틀림)|카드번호를\s*다시|card_bin\s*없음|invalid[ _]card[ _]number/i,
    cause: '카드번호가 틀렸거나 PG가 모르는 카드(BIN)입니다.',
    fix: '카드번호 16자리를 한 자리씩 다시 확인하세요. 해외 카드는 해당 채널이 받는지 확인하세요.',
    who: 'customer',
  },
  {
    match: /사용\s*불가\s*가맹점|가맹점\s*사용\s*불가|타카드\s*사용|가맹점\s*미등록|REJECT_CARD_COMPANY/i,
    cause: '이 카드는 가맹점의 PG 계약으로 받을 수 없는 카드입니다.',
    fix: '고객에게 다른 카드를 요청하세요. 자주 일어나면 관리자가 PG와 카드사 계약을 확인해야 합니다.',
    who: 'customer',
  },
  {
    match: /한도\s*초과|limit/i,
    cause: '카드 한도가 부족하거나 초과되었습니다.',
    fix: '고객에게 카드사에 한도를 확인하도록 안내하거나 다른 카드를 요청하세요.',
    who: 'card_company',
  },
  {
    match: /분실|도난|정지\s*카드|거래\s*정지|lost|stolen/i,
    cause: '분실·도난 신고되었거나 거래가 정지된 카드입니다.',
    fix: '이 카드로는 발급할 수 없습니다. 고객에게 카드사 문의와 다른 카드를 안내하세요.',
    who: 'card_company',
  },
  {
    match: /비인증\s*결제\s*모듈\s*사용\s*정보를\s*찾을\s*수\s*없습니다/,
    cause: '선택한 채널(또는 기본 채널)에 API(비인증, 키인) 결제 설정이 없습니다.',
    fix: '관리자가 PortOne 콘솔에서 키인(비인증) 결제 채널을 설정하고, 발급 채널·channel_key가 맞는지 확인해야 합니다.',
    who: 'admin',
  },
  {
    match: /인증에\s*실패하였습니다.*API\s*키|imp_key|imp_secret/i,
    cause: 'Iamport API 키 또는 시크릿이 틀렸습니다.',
    fix: '관리자가 서버의 IMP_KEY, IMP_SECRET 설정을 확인해야 합니다.',
    who: 'admin',
  },
  {
    match: /파라메터는\s*필수|required parameter|InvalidLength|Invalid Request|미입력|필수\s*입력값|valid CVV/i,
    cause: '이 PG가 요구하는 항목이 빠졌거나 형식이 맞지 않습니다.',
    fix: '메시지에 나온 항목(예: birth, pwd_2digit, customer_id)을 채워 다시 시도하세요.',
    who: 'agent',
  },
  {
    match: /customer_uid\(.*\)로 등록된 정보를 찾을 수 없습니다/,
    cause: '이 고객 결제수단 ID로 등록된 빌링키가 Iamport에 없습니다.',
    fix: '삭제되었거나 다른 ID로 발급된 것입니다. 목록에서 고객을 검색해 보세요.',
    who: 'agent',
  },
];

/** The plain-language reading of an Iamport/PG message, or null when it is not one we know. */
export function explainIamportMessage(message: string | null | undefined): Explanation | null {
  if (!message) return null;
  const rule = RULES.find((candidate) => candidate.match.test(message));
  if (!rule) return null;
  const { cause, fix, who } = rule;
  return { cause, fix, who };
}

const MISSING_PARAMETER: readonly [RegExp, RejectedField][] = [
  [/\["expiry"\]\s*파라메터/, 'expiry'],
  [/\["birth"\]\s*파라메터/, 'birth'],
  [/\["pwd_2digit"\]\s*파라메터/, 'pwd_2digit'],
];

/**
 * The card field a PG rejection names (wrong password digits, birth, expiry), or null for a
 * rejection of the card itself (number, BIN, limits, lost, not accepted) and for unknown messages.
 * The form clears and focuses just that field; on null it wipes the whole card.
 */
export function rejectedFieldOf(message: string | null | undefined): RejectedField | null {
  if (!message) return null;
  const missing = MISSING_PARAMETER.find(([pattern]) => pattern.test(message));
  if (missing) return missing[1];
  return RULES.find((candidate) => candidate.match.test(message))?.field ?? null;
}
