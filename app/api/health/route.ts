import { apiRoute, json } from '@/lib/api';

/** Liveness: the process answers. Public, for load balancers. */
export const GET = apiRoute('public', async () => json({ status: 'ok' }));
