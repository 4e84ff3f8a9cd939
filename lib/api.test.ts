import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertDeclaredBodyWithinLimit, assertSameOrigin, MAX_BODY_BYTES, readBodyCapped, readJsonBody } from './api';

const request = (method: string, headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3000/api/billing-keys', { method, headers: { host: '127.0.0.1:3000', ...headers } });

describe('assertSameOrigin', () => {
  it.each([
    ['POST from the same origin', 'POST', { origin: 'http://127.0.0.1:3000' }],
    ['POST without Origin (a script)', 'POST', {}],
    ['GET from another site (reads are not state-changing)', 'GET', { origin: 'https://evil.example' }],
    ['same-origin fetch metadata', 'DELETE', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }],
  ])('lets through %s', (_name, method, headers) => {
    expect(() => assertSameOrigin(request(method, headers))).not.toThrow();
  });

  it.each([
    ['POST from another origin', 'POST', { origin: 'https://evil.example' }],
    ['DELETE from another port', 'DELETE', { origin: 'http://127.0.0.1:4000' }],
    ['an opaque origin', 'POST', { origin: 'null' }],
    ['a cross-site fetch without Origin', 'PUT', { 'sec-fetch-site': 'cross-site' }],
    ['a malformed Origin', 'POST', { origin: 'not a url' }],
  ])('refuses %s with 403', (_name, method, headers) => {
    let caught: unknown;
    try {
      assertSameOrigin(request(method, headers));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(403);
  });
});

describe('readJsonBody', () => {
  const post = (type: string) =>
    new Request('http://app.test/api/x', { method: 'POST', headers: { 'content-type': type }, body: '{"a":1}' });

  it('reads a JSON body', async () => {
    expect(await readJsonBody(post('application/json; charset=utf-8'))).toEqual({ a: 1 });
  });

  it('refuses a body whose media type only mentions JSON (415)', async () => {
    const error: unknown = await readJsonBody(post('text/plain; charset=application/json')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });
});

describe('assertSameOrigin without a trusted proxy', () => {
  it('does not take X-Forwarded-Host from the client: a foreign Origin naming it is refused', () => {
    const forged = request('POST', { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(() => assertSameOrigin(forged)).toThrow(AppError);
  });
});

/** A body of `chunks` chunks of `size` bytes, counting how many the reader pulled. */
function countingBody(chunks: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { state, stream };
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1:3000/api/billing-keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('did not throw');
}

describe('readBodyCapped', () => {
  it('returns a body within the limit, byte for byte', async () => {
    const text = `{"a":"${'가'.repeat(100)}"}`;
    const bytes = await readBodyCapped(post(text), 1024);
    expect(new TextDecoder().decode(bytes)).toBe(text);
  });

  it('accepts a body of exactly the limit and refuses one byte more', async () => {
    expect((await readBodyCapped(post('x'.repeat(64)), 64)).byteLength).toBe(64);
    expect((await caught(readBodyCapped(post('x'.repeat(65)), 64))).status).toBe(413);
  });

  it('counts bytes, not characters (a Korean character is three)', async () => {
    expect((await caught(readBodyCapped(post('가'.repeat(22)), 64))).status).toBe(413);
  });

  it('refuses a declared Content-Length over the limit without reading a byte', async () => {
    const { state, stream } = countingBody(1000, 1024);
    const error = await caught(readBodyCapped(post(stream, { 'content-length': String(50 * 1024 * 1024) }), 16_384));
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toMatch(/너무 큽니다/);
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('stops reading a chunked body at the limit (50 MB offered, a few KB pulled)', async () => {
    const { state, stream } = countingBody(50 * 1024, 1024);
    const error = await caught(readBodyCapped(post(stream), 16 * 1024));
    expect(error.status).toBe(413);
    // 16 chunks fit the limit, the 17th crosses it; the stream's own read-ahead may pull one or two more.
    expect(state.pulled).toBeGreaterThanOrEqual(17);
    expect(state.pulled).toBeLessThan(20);
  });

  it('a single oversized chunk is refused too', async () => {
    const { stream } = countingBody(1, 1024 * 1024);
    expect((await caught(readBodyCapped(post(stream), 16 * 1024))).status).toBe(413);
  });

  it('an empty or absent body is zero bytes', async () => {
    expect((await readBodyCapped(post(''), 64)).byteLength).toBe(0);
    expect((await readBodyCapped(new Request('http://127.0.0.1:3000/'), 64)).byteLength).toBe(0);
  });

  it('a malformed Content-Length is refused as a bad request, not trusted', async () => {
    for (const value of ['-1', 'abc', '1e9', '0x10']) {
      const error = await caught(readBodyCapped(post('{}', { 'content-length': value }), 64));
      expect([400, 413]).toContain(error.status);
    }
  });
});

describe('assertDeclaredBodyWithinLimit', () => {
  it('lets a small or undeclared body through and refuses a large declared one with 413', async () => {
    expect(() => assertDeclaredBodyWithinLimit(post('{}', { 'content-length': '2' }))).not.toThrow();
    expect(() => assertDeclaredBodyWithinLimit(post('{}'))).not.toThrow();
    const big = post('{}', { 'content-length': String(MAX_BODY_BYTES + 1) });
    expect(() => assertDeclaredBodyWithinLimit(big)).toThrow(AppError);
  });
});

describe('readJsonBody within the size limit', () => {
  it('parses JSON within the limit and refuses a chunked 50 MB body after the limit', async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ a: 1 });
    const { state, stream } = countingBody(50 * 1024, 1024);
    expect((await caught(readJsonBody(post(stream)))).status).toBe(413);
    expect(state.pulled).toBeLessThan(MAX_BODY_BYTES / 1024 + 4);
  });

  it('drops a leading byte order mark, as request.text() did', async () => {
    expect(await readJsonBody(post('\ufeff{"a":1}'))).toEqual({ a: 1 });
  });
});
