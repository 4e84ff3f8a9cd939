import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertSameOrigin } from './api';

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
