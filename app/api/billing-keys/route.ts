import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { issueBillingKey } from '@/lib/billing-keys/issue';
import { filtersFromUrl, listBillingKeys } from '@/lib/billing-keys/list';
import { requestContext } from '@/lib/request-context';
import { issueBillingKeySchema } from '@/lib/validations/billing-key';

/** The stored billing keys: `{ rows, total, page, pageSize }`, filtered, searched, sorted and paged by the query. */
export const GET = apiRoute('keys.view', async (request) => {
  const filters = filtersFromUrl(request.url);
  return json(await listBillingKeys(filters));
});

/** Issues (or replaces) the billing key of a customer_uid. Answers masked data only. */
export const POST = apiRoute(['keys.issue', 'keys.issue.test_only'], async (request, _context, actor) => {
  const input = parseWith(issueBillingKeySchema, await readJsonBody(request));
  const result = await issueBillingKey(input, requestContext(request, actor));
  return json(result, result.replaced ? 200 : 201);
});
