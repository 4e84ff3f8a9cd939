import { z } from 'zod';
import { apiRoute, json, parseWith } from '@/lib/api';
import { lookUpBillingKey } from '@/lib/billing-keys/issue';
import { ISSUE_LIMITS } from '@/lib/validations/billing-key';

const customerUidParam = z
  .string()
  .min(1, '고객 결제수단 ID가 비어 있습니다.')
  .max(ISSUE_LIMITS.customer_uid, `고객 결제수단 ID는 ${ISSUE_LIMITS.customer_uid}자 이하입니다.`);

/** Looks the key up at Iamport (after a timeout, or to see the live state). */
export const GET = apiRoute(async (_request, context: { params: Promise<{ customerUid: string }> }) => {
  const { customerUid } = await context.params;
  const uid = parseWith(customerUidParam, customerUid);
  return json({ billingKey: await lookUpBillingKey(uid) });
});
