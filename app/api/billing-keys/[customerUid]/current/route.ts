import { apiRoute, json, parseWith } from '@/lib/api';
import { findCurrentKey } from '@/lib/billing-keys/guard';
import { signGuardCheck } from '@/lib/billing-keys/guard-token';
import { customerUidParamSchema } from '@/lib/validations/key-actions';

/** The active key a customer_uid holds (stored, else at Iamport), so the form can warn before replacing. */
export const GET = apiRoute(
  ['keys.issue', 'keys.issue.test_only', 'keys.view', 'keys.view.exact'],
  async (_request, context: { params: Promise<{ customerUid: string }> }) => {
    const uid = parseWith(customerUidParamSchema, (await context.params).customerUid);
    const current = await findCurrentKey(uid);
    return json({ current, guardCheck: current ? null : signGuardCheck(uid) });
  },
);
