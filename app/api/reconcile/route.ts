import { apiRoute, json } from '@/lib/api';
import { reconcileBillingKeys, reconcileOverview } from '@/lib/billing-keys/reconcile';
import { requestContext } from '@/lib/request-context';

/** Open findings (changed / missing at Iamport, not yet seen), active key count and the last run. */
export const GET = apiRoute('keys.view', async () => json(await reconcileOverview()));

/** Checks every active stored key against Iamport now and answers the counts. */
export const POST = apiRoute('keys.delete', async (request, _context, actor) =>
  json(await reconcileBillingKeys(requestContext(request, actor))),
);
