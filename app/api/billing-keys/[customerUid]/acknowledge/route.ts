import { apiRoute, json, parseWith } from '@/lib/api';
import { acknowledgeLiveState } from '@/lib/billing-keys/reconcile';
import { requestContext } from '@/lib/request-context';
import { customerUidParamSchema } from '@/lib/validations/key-actions';

/** Marks a reconcile finding (changed / missing at Iamport) as seen. */
export const POST = apiRoute(
  'keys.delete',
  async (request, context: { params: Promise<{ customerUid: string }> }, actor) => {
    const uid = parseWith(customerUidParamSchema, (await context.params).customerUid);
    return json({ stored: await acknowledgeLiveState(uid, requestContext(request, actor)) });
  },
);
