import 'server-only';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { cardLinkHits } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';

/** Requests to the public link pages per client address within 10 minutes. */
export const LINK_HIT_LIMIT = { max: 60, windowMs: 10 * 60_000 } as const;
/** Submissions to one link within 10 minutes, from anywhere (five rejected cards lock it sooner). */
export const LINK_SUBMIT_LIMIT = { max: 20, windowMs: 10 * 60_000 } as const;

/** The counter key of one link's submissions (kept in `card_link_hits.ip` beside the addresses). */
export const linkHitKey = (linkId: string) => `link:${linkId}`;

/**
 * Counts a request to a link page from this address and refuses it (429) over the limit, so
 * tokens cannot be guessed in bulk and one link cannot be hammered. Shared by every instance.
 */
export async function countLinkHit(
  db: Db,
  ip: string | null,
  now = new Date(),
  limit: { max: number; windowMs: number } = LINK_HIT_LIMIT,
): Promise<void> {
  const key = ip ?? 'unknown';
  const since = new Date(now.getTime() - limit.windowMs);
  const [row] = await db
    .select({ hits: count() })
    .from(cardLinkHits)
    .where(and(eq(cardLinkHits.ip, key), gt(cardLinkHits.at, since)));
  if ((row?.hits ?? 0) >= limit.max) {
    throw new AppError('rate_limited', '요청이 너무 많습니다. 잠시 후 다시 시도하세요.', {
      retryAfter: Math.ceil(limit.windowMs / 1000),
    });
  }
  await db.insert(cardLinkHits).values({ ip: key, at: now });
  if (Math.random() < 0.01) await db.delete(cardLinkHits).where(lt(cardLinkHits.at, since));
}
