import { z } from 'zod';
import { ISSUE_LIMITS } from './billing-key';

/** Limits of a deletion reason; the form's `maxLength` uses the same numbers. */
export const DELETE_REASON_LIMITS = { min: 2, max: 200 } as const;

/**
 * `customer_uid` from a URL segment (already decoded by the router). No control characters (the
 * database refuses NUL) and no `.`/`..`, which a URL turns into another path at Iamport.
 */
export const customerUidParamSchema = z
  .string()
  .min(1, '고객 결제수단 ID가 비어 있습니다.')
  .max(ISSUE_LIMITS.customer_uid, `고객 결제수단 ID는 ${ISSUE_LIMITS.customer_uid}자 이하입니다.`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), '고객 결제수단 ID에 제어 문자는 쓸 수 없습니다.')
  .refine((value) => value !== '.' && value !== '..', '고객 결제수단 ID로 "." 또는 ".."은 쓸 수 없습니다.')
  // No key can hold one (Iamport's URL and the database need well-formed UTF-16): not found, not a crash.
  .refine((value) => value.isWellFormed(), '고객 결제수단 ID에 깨진 문자(짝이 없는 서로게이트)가 있습니다.');

/**
 * A page's dynamic segment as the customer_uid it names. Route handlers get their params decoded,
 * pages get them as sent (`a%3Cb` for `a<b`), so every stored uid with `< = / ? "`, a space or a
 * zero-width character was a 404 on its detail page. Decoded once; a malformed escape, which no
 * link of the console makes, is kept as it is (and then found by no key) rather than thrown.
 */
export function decodeRouteParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Body of `DELETE /api/billing-keys/{customer_uid}`; the reason is also sent to Iamport. */
export const deleteBillingKeySchema = z.object(
  {
    reason: z
      .string({ error: '삭제 사유를 입력하세요.' })
      .trim()
      .min(1, '삭제 사유를 입력하세요.')
      .min(DELETE_REASON_LIMITS.min, `삭제 사유는 ${DELETE_REASON_LIMITS.min}자 이상 입력하세요.`)
      .max(DELETE_REASON_LIMITS.max, `삭제 사유는 ${DELETE_REASON_LIMITS.max}자 이하로 입력하세요.`)
      .refine((value) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value), '삭제 사유에 제어 문자는 쓸 수 없습니다.'),
  },
  { error: '요청 본문은 {"reason": "..."} 형식의 JSON 객체여야 합니다.' },
);

export type DeleteBillingKeyInput = z.infer<typeof deleteBillingKeySchema>;

/**
 * `POST /api/duplicate-cards`: the typed card's first 6 and last 4 digits (in the body, never a URL),
 * and the customer_uid it is for (its own key is a replacement, not a duplicate). Nothing of it is kept.
 */
export const duplicateCardSchema = z.object(
  {
    bin6: z.string({ error: '카드번호 앞 6자리를 보내세요.' }).regex(/^\d{6}$/, '카드번호 앞 6자리는 숫자 6개입니다.'),
    last4: z.string({ error: '카드번호 끝 4자리를 보내세요.' }).regex(/^\d{4}$/, '카드번호 끝 4자리는 숫자 4개입니다.'),
    customer_uid: z
      .string({ error: '고객 결제수단 ID는 문자열입니다.' })
      .max(80, '고객 결제수단 ID는 80자 이하입니다.')
      .optional(),
  },
  { error: '요청 본문은 JSON 객체여야 합니다.' },
);
export type DuplicateCardInput = z.infer<typeof duplicateCardSchema>;
