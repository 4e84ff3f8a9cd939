import { expect } from 'vitest';
import { AppError } from '@/lib/errors';

/** Awaits `promise`, expects it to reject with an AppError and answers that error for further checks. */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
