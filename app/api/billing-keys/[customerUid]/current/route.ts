import { z } from 'zod';
import { apiRoute, json, parseWith } from '@/lib/api';
import { findCurrentKey } from '@/lib/billing-keys/guard';
import { signGuardCheck } from '@/lib/billing-keys/guard-token';
import { getDb } from '@/lib/db';
import { getIamport } from '@/lib/iamport';
import { ISSUE_LIMITS } from '@/lib/validations/billing-key';

const customerUidParam = z.string().min(1).max(ISSUE_LIMITS.customer_uid, `고객 결제수단 ID는 ${ISSUE_LIMITS.customer_uid}자 이하입니다.`);

/** The active key a customer_uid holds (stored, else at Iamport), so the form can warn before replacing. */
export const GET = apiRoute(
  ['keys.issue', 'keys.issue.test_only', 'keys.view', 'keys.view.exact'],
  async (_request, context: { params: Promise<{ customerUid: string }> }) => {
  const uid = parseWith(customerUidParam, (await context.params).customerUid);
  const current = await findCurrentKey(uid, { db: await getDb(), runtime: getIamport() });
  return json({ current, guardCheck: current ? null : signGuardCheck(uid) });
  },
);
