import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { deleteBillingKey } from '@/lib/billing-keys/delete';
import { getBillingKeyDetail } from '@/lib/billing-keys/detail';
import { scopeDetailTo } from '@/lib/billing-keys/scope';
import { requestContext } from '@/lib/request-context';
import { customerUidParamSchema, deleteBillingKeySchema } from '@/lib/validations/key-actions';

type Params = { params: Promise<{ customerUid: string }> };

/**
 * The key as Iamport has it now (`billingKey`, kept for the issue form's lookup) beside the stored
 * record, with `liveStatus`, `differences`, history, attempts and audit trail. 404 when neither has it.
 */
export const GET = apiRoute(['keys.view', 'keys.view.exact'], async (request, context: Params, actor) => {
  const uid = parseWith(customerUidParamSchema, (await context.params).customerUid);
  return json(scopeDetailTo(actor, await getBillingKeyDetail(uid, requestContext(request, actor))));
});

/** Deletes at Iamport with the reason, then marks the stored record deleted. Body: `{ "reason": "..." }`. */
export const DELETE = apiRoute(['keys.delete', 'keys.delete.test_only'], async (request, context: Params, actor) => {
  const uid = parseWith(customerUidParamSchema, (await context.params).customerUid);
  const input = parseWith(deleteBillingKeySchema, await readJsonBody(request));
  return json(await deleteBillingKey(uid, input, requestContext(request, actor)));
});
