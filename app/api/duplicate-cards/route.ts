import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { findDuplicateCards } from '@/lib/billing-keys/list';
import { duplicateCardSchema } from '@/lib/validations/key-actions';

/**
 * Before issuing: the active keys that hold the same card (first 6 and last 4 digits as the PG
 * masks them) under another customer_uid. The digits come in the body and are neither kept nor logged.
 */
export const POST = apiRoute(['keys.issue', 'keys.issue.test_only'], async (request) => {
  const input = parseWith(duplicateCardSchema, await readJsonBody(request));
  const matches = await findDuplicateCards({
    bin6: input.bin6,
    last4: input.last4,
    exceptUid: input.customer_uid || undefined,
  });
  return json({ matches });
});
