import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { issueBillingKey } from '@/lib/billing-keys/issue';
import { requestContext } from '@/lib/request-context';
import { issueBillingKeySchema } from '@/lib/validations/billing-key';

/** Issues (or replaces) the billing key of a customer_uid. Answers masked data only. */
export const POST = apiRoute(async (request) => {
  const input = parseWith(issueBillingKeySchema, await readJsonBody(request));
  const result = await issueBillingKey(input, { context: requestContext(request) });
  return json(result, result.replaced ? 200 : 201);
});
