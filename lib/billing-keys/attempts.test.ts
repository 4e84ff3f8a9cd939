import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { finishAttempt, startAttempt } from '@/lib/db/attempts';
import { issueAttempts } from '@/lib/db/schema';
import { testEngines } from '@/lib/testing/db';
import { AppError } from '@/lib/errors';
import { attemptsQuerySchema, type AttemptsQuery } from '@/lib/validations/attempts';
import { attemptsQueryOrThrow, listAttempts, parseAttemptsQuery } from './attempts';
import { issueKey, reviewer, uniqueUid, useCaseSuite } from '@/lib/testing/use-cases';

const query = (raw: Record<string, string> = {}): AttemptsQuery => attemptsQuerySchema.parse(raw);

describe('attempts query parameters', () => {
  it('treats empty fields as no filter and defaults the page size', () => {
    expect(query({ outcome: '', pg_code: ' ', customer_uid: '' })).toEqual({ limit: 50 });
  });

  it.each([
    [
      { outcome: 'exploded' },
      'outcome',
      '결과는 issued, replaced, rejected, unknown, failed, pending 중 하나여야 합니다.',
    ],
    [{ from: '2026/01/02' }, 'from', '시작일은 YYYY-MM-DD 형식으로 입력하세요 (예: 2026-11-27).'],
    [{ to: '2026-02-30' }, 'to', '종료일이 달력에 없는 날짜입니다.'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to', '종료일이 시작일보다 빠릅니다.'],
    [{ limit: '0' }, 'limit', '한 페이지 건수는 1 이상이어야 합니다.'],
    [{ limit: 'many' }, 'limit', '한 페이지 건수는 숫자로 입력하세요.'],
    [{ cursor: 'garbage' }, 'cursor', '페이지 위치(cursor)가 올바르지 않습니다. 첫 페이지부터 다시 조회하세요.'],
    [{ pg_code: '[F114]' }, 'pg_code', 'PG 코드는 영문과 숫자로 입력하세요 (예: F114, 대괄호 없이).'],
    [{ pg_provider: 'NICE!' }, 'pg_provider', 'PG사는 영문 소문자, 숫자, _로 입력하세요 (예: nice, kcp).'],
  ])('rejects %j with a message on %s', (raw, field, message) => {
    const parsed = parseAttemptsQuery(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.fields[field]).toBe(message);
    expect(parsed.message).toContain(message);
  });

  it('throws 422 invalid_query for the API', () => {
    const error = (() => {
      try {
        attemptsQueryOrThrow({ outcome: 'nope' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_query');
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).message).toMatch(/^검색 조건이 올바르지 않습니다: 결과/);
  });
});

describe.each(testEngines())('attempt listing on $name', (engine) => {
  const tag = uniqueUid('att');
  const uids = { ok: `${tag}_ok`, declined: `${tag}_declined`, invalid: `${tag}_invalid`, kcp: `${tag}_kcp` };

  const { handle, runtime } = useCaseSuite(engine, {
    seed: async () => {
      await issueKey(handle.db, runtime, uids.ok);
      await issueKey(handle.db, runtime, uids.declined, '4000-0003-0000-0009').catch(() => undefined);
      await issueKey(handle.db, runtime, uids.invalid, '4000-0001-0000-0001').catch(() => undefined);
      await issueKey(handle.db, runtime, uids.kcp, '4518-4200-0000-0007', { pg: 'kcp' });
    },
  });

  const list = (raw: Record<string, string>) => listAttempts(query(raw), reviewer, { db: handle.db });

  it('shows an agent only their own attempts, a reviewer every one', async () => {
    const mine = (id: string) => ({ actor: { id, email: `${id}@example.com`, role: 'agent' as const }, ip: null });
    const forOtherAgent = await listAttempts(query({}), mine('agent-elsewhere'), { db: handle.db });
    expect(forOtherAgent.attempts).toEqual([]);
    const forIssuer = await listAttempts(query({}), mine(reviewer.actor!.id), { db: handle.db });
    expect(forIssuer.attempts.map((attempt) => attempt.customerUid)).toEqual(Object.values(uids).reverse());
    await expect(listAttempts(query({}), { actor: null, ip: null }, { db: handle.db })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('lists every attempt newest first with outcome, codes and duration', async () => {
    const { attempts } = await list({});
    expect(attempts.map((attempt) => attempt.customerUid)).toEqual([uids.kcp, uids.invalid, uids.declined, uids.ok]);
    const declined = attempts.find((attempt) => attempt.customerUid === uids.declined);
    expect(declined).toMatchObject({
      outcome: 'rejected',
      pgCode: 'F114',
      iamportCode: -1,
      pgProvider: 'nice',
      pgId: 'nictest04m',
    });
    expect(declined?.iamportMessage).toContain('[F114]');
    expect(typeof declined?.durationMs).toBe('number');
  });

  it('filters by outcome, PG code, provider, MID and customer_uid', async () => {
    expect((await list({ outcome: 'rejected' })).attempts.map((a) => a.customerUid).sort()).toEqual(
      [uids.declined, uids.invalid].sort(),
    );
    expect((await list({ pg_code: 'F114' })).attempts.map((a) => a.customerUid)).toEqual([uids.declined]);
    // PG reason codes are upper case; a code typed in lower case finds them too.
    expect((await list({ pg_code: 'f114' })).attempts.map((a) => a.customerUid)).toEqual([uids.declined]);
    expect((await list({ outcome: 'issued', pg_provider: 'kcp' })).attempts.map((a) => a.customerUid)).toEqual([
      uids.kcp,
    ]);
    expect((await list({ pg_id: 'nictest04m', outcome: 'issued' })).attempts.map((a) => a.customerUid)).toEqual([
      uids.ok,
    ]);
    // A rejection has no answer from Iamport: its MID comes from the `pg` it asked for.
    expect((await list({ pg_id: 'nictest04m', outcome: 'rejected' })).attempts).toHaveLength(2);
    expect((await list({ customer_uid: uids.invalid })).attempts.map((a) => a.pgCode)).toEqual(['F112']);
    expect((await list({ outcome: 'pending' })).attempts).toEqual([]);
    expect((await list({ outcome: 'replaced' })).attempts).toEqual([]);
  });

  it('filters by KST calendar days', async () => {
    // 2026-01-01 15:30 UTC is 2026-01-02 00:30 in Seoul.
    await handle.db
      .update(issueAttempts)
      .set({ startedAt: new Date('2026-01-01T15:30:00Z') })
      .where(eq(issueAttempts.customerUid, uids.ok));
    expect((await list({ from: '2026-01-02', to: '2026-01-02' })).attempts.map((a) => a.customerUid)).toEqual([
      uids.ok,
    ]);
    expect((await list({ to: '2026-01-01' })).attempts).toEqual([]);
    expect((await list({ from: '2026-01-03' })).attempts.map((a) => a.customerUid)).not.toContain(uids.ok);
  });

  it('pages with a keyset cursor without skipping rows that share a start time', async () => {
    const uid = uniqueUid('page');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const id = await startAttempt(handle.db, {
        customerUid: uid,
        requestedPg: 'nice',
        channelKey: null,
        pgProvider: 'nice',
        appMode: 'sandbox',
        actorId: null,
      });
      await finishAttempt(handle.db, id, { outcome: 'failed', errorCode: 'upstream_unavailable', durationMs: i });
      ids.push(id);
    }
    // Five share one microsecond-precise instant, two differ only below the millisecond.
    await handle.db
      .update(issueAttempts)
      .set({ startedAt: new Date('2026-02-01T00:00:00.123Z') })
      .where(inArray(issueAttempts.id, ids.slice(0, 5)));
    await handle.db.execute(
      `update issue_attempts set started_at = '2026-02-01T00:00:00.123400Z' where id = '${ids[5]}'`,
    );
    await handle.db.execute(
      `update issue_attempts set started_at = '2026-02-01T00:00:00.123900Z' where id = '${ids[6]}'`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list({ customer_uid: uid, limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.attempts.map((attempt) => attempt.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen.slice(0, 2)).toEqual([ids[6], ids[5]]);
  });

  it('lists a replacement as issued, and alone under outcome=replaced', async () => {
    const uid = uniqueUid('replaced');
    await issueKey(handle.db, runtime, uid);
    await issueKey(handle.db, runtime, uid, '4518-4200-0000-0007', { replace_confirmed: true });
    const mine = (raw: Record<string, string>) =>
      list({ customer_uid: uid, ...raw }).then(({ attempts }) => attempts.map((a) => [a.outcome, a.replaced]));
    expect(await mine({})).toEqual([
      ['issued', true],
      ['issued', false],
    ]);
    expect(await mine({ outcome: 'issued' })).toHaveLength(2);
    expect(await mine({ outcome: 'replaced' })).toEqual([['issued', true]]);
  });

  it('stores, shows and filters by the PG reason code, whatever form the PG answers in', async () => {
    const v2 = uniqueUid('v2_pwd');
    const ksnet = uniqueUid('ksnet_pwd');
    const passwordCheck = '4000-0005-0000-0007';
    await issueKey(handle.db, runtime, v2, passwordCheck, { pg: 'nice_v2', pwd_2digit: '00', birth: '880101' }).catch(
      () => undefined,
    );
    await issueKey(handle.db, runtime, ksnet, passwordCheck, { pg: 'ksnet', pwd_2digit: '00', birth: '880101' }).catch(
      () => undefined,
    );
    const [nice] = (await list({ customer_uid: v2 })).attempts;
    // NICEPAY's form: `[400]Error From NICEPAY. (message: 비밀번호틀림, code:F115)`, the reason is F115.
    expect(nice?.iamportMessage).toContain('[400]Error From NICEPAY. (message: 비밀번호틀림, code:F115)');
    expect(nice?.pgCode).toBe('F115');
    const [other] = (await list({ customer_uid: ksnet })).attempts;
    expect(other?.iamportMessage).toContain('비밀번호오류 (응답코드 7051)');
    expect(other?.pgCode).toBe('7051');
    expect((await list({ pg_code: 'F115' })).attempts.map((a) => a.customerUid)).toContain(v2);
    expect((await list({ pg_code: '7051' })).attempts.map((a) => a.customerUid)).toEqual([ksnet]);
    expect((await list({ pg_code: '400' })).attempts.map((a) => a.customerUid)).not.toContain(v2);
  });
});
