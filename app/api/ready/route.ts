import { apiRoute, json } from '@/lib/api';
import { checkReadiness } from '@/lib/readiness';

/** Readiness: database and Iamport reachable. 503 takes the instance out of a load balancer. */
export const GET = apiRoute('public', async () => {
  const readiness = await checkReadiness();
  return json(readiness, readiness.ready ? 200 : 503);
});
