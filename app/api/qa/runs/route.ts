import { after } from 'next/server';
import { apiRoute, json, parseWith, readJsonBody } from '@/lib/api';
import { getDb } from '@/lib/db';
import { getIamport } from '@/lib/runtime';
import { startQaRun } from '@/lib/qa/runner';
import { listQaRuns } from '@/lib/qa/store';
import { requestContext } from '@/lib/request-context';
import { qaRunInputSchema } from '@/lib/validations/qa';

/** The latest QA runs (summaries, newest first). */
export const GET = apiRoute('qa.run', async () => json({ runs: await listQaRuns() }));

/**
 * Starts a run (channels × scenarios) and answers 202 with it at once; the cells run after the
 * answer and the page polls `GET /api/qa/runs/{id}`. Live channels: admin and `confirmLive` only.
 */
export const POST = apiRoute('qa.run', async (request, _context, actor) => {
  const input = parseWith(qaRunInputSchema, await readJsonBody(request));
  const { run, done } = await startQaRun(input, requestContext(request, actor), {
    db: await getDb(),
    runtime: getIamport(),
  });
  after(done);
  return json({ run }, 202);
});
