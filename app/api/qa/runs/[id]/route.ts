import { apiRoute, json } from '@/lib/api';
import { AppError } from '@/lib/errors';
import { findQaRun } from '@/lib/qa/store';
import { qaRunIdSchema } from '@/lib/validations/qa';

const notFound = () => new AppError('not_found', '해당 QA 실행 기록이 없습니다.');

/** One run with every cell's redacted request and response, and its cleanup. */
export const GET = apiRoute('qa.run', async (_request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (!qaRunIdSchema.safeParse(id).success) throw notFound();
  const run = await findQaRun(id);
  if (!run) throw notFound();
  return json({ run });
});
