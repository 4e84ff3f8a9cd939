const MESSAGES = {
  expired: {
    title: '만료되었거나 올바르지 않은 링크입니다',
    body: '이 링크는 유효 시간이 지났거나 주소가 올바르지 않습니다. 새 링크가 필요하면 가맹점에 문의하세요.',
  },
  used: {
    title: '이미 사용한 링크입니다',
    body: '이 링크로 카드가 이미 등록되었습니다. 링크는 한 번만 쓸 수 있습니다. 다시 등록하려면 가맹점에 문의하세요.',
  },
  revoked: {
    title: '취소된 링크입니다',
    body: '가맹점이 이 링크를 취소했습니다. 카드를 등록하려면 가맹점에 문의하세요.',
  },
  locked: {
    title: '잠긴 링크입니다',
    body: '카드 등록에 여러 번 실패해 이 링크를 잠갔습니다. 가맹점에 문의하세요.',
  },
  unavailable: {
    title: '지금은 이 페이지를 열 수 없습니다',
    body: '요청이 너무 많거나 잠시 문제가 있습니다. 잠시 후 다시 열거나 가맹점에 문의하세요.',
  },
} as const;

export type LinkOverState = keyof typeof MESSAGES;

/** Why the link cannot be used, and to contact the merchant; nothing else. */
export function LinkOver({ state, merchantName }: { state: LinkOverState; merchantName: string | null }) {
  const message = MESSAGES[state];
  return (
    <section aria-labelledby="link-over-title" className="space-y-3">
      {merchantName && <p className="text-sm font-semibold text-slate-700">{merchantName}</p>}
      <h1 id="link-over-title" tabIndex={-1} className="text-2xl font-bold text-slate-900">
        {message.title}
      </h1>
      <p className="text-base text-slate-800">{message.body}</p>
    </section>
  );
}
