import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertSameOrigin, readJsonBody } from './api';

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
