import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request } from './http';

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } }),
    ),
  );
}

async function failure(path: string): Promise<ApiError> {
  const error = await request(path).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the browser client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("keeps the app's envelope: code, Korean message, fields", async () => {
    answer(422, {
      error: { code: 'validation_failed', message: '입력값을 확인하세요.', fields: { pg: 'PG를 고르세요.' } },
    });
    const error = await failure('/api/billing-keys');
    expect([error.status, error.code, error.message, error.fields]).toEqual([
      422,
      'validation_failed',
      '입력값을 확인하세요.',
      { pg: 'PG를 고르세요.' },
    ]);
  });

  it("says better-auth's English in Korean, by its code", async () => {
    answer(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' });
    expect((await failure('/api/auth/sign-in/email')).message).toBe('이메일 또는 비밀번호가 올바르지 않습니다.');
    answer(400, { code: 'SOMETHING_NEW', message: 'Something new went wrong' });
    expect((await failure('/api/auth/sign-in/email')).message).toBe('요청을 처리하지 못했습니다 (HTTP 400).');
  });

  it('a refused sign-in says how long to wait; another 429 keeps its own message', async () => {
    const limited = { error: { code: 'rate_limited', message: '로그인 실패가 너무 많습니다.' } };
    answer(429, limited, { 'retry-after': '900' });
    const signIn = await failure('/api/auth/sign-in/email');
    expect([signIn.message, signIn.retryAfter]).toEqual([
      '로그인 시도가 너무 많습니다. 15분 후에 다시 시도하세요.',
      900,
    ]);
    answer(429, limited, { 'retry-after': '900' });
    expect((await failure('/api/account/password')).message).toBe('로그인 실패가 너무 많습니다.');
  });

  it('no answer at all is status 0, code network', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    const error = await failure('/api/channels');
    expect([error.status, error.code, error.message]).toEqual([
      0,
      'network',
      '서버에 연결할 수 없습니다. 네트워크를 확인하세요.',
    ]);
  });
});
