const kstFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-27T13:41:05Z` → `2026-11-27 22:41:05 KST`, whatever the viewer's time zone. */
export function formatKst(iso: string): string {
  const parts = Object.fromEntries(kstFormatter.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} KST`;
}

/** The card type in words: in full (a card, a detail) and short (filters, list cells, the CSV, audit details). */
export const CARD_TYPE_LABELS = { credit: '신용카드', check: '체크카드', unknown: '알 수 없음' } as const;
export const CARD_TYPE_SHORT_LABELS = { credit: '신용', check: '체크', unknown: '알 수 없음' } as const;

/** An account id that no staff account has (any more), in words; the id itself is shown beside it. */
export const GONE_ACCOUNT_LABEL = '삭제된 계정';

/** A staff member as text (a CSV cell): the email, else `삭제된 계정 (id)`, else null when no account is recorded. */
export function staffText(id: string | null, email: string | null | undefined): string | null {
  if (!id) return null;
  return email ?? `${GONE_ACCOUNT_LABEL} (${id})`;
}
