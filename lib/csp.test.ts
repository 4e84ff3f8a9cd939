import { describe, expect, it } from 'vitest';
import { newNonce, pageContentSecurityPolicy } from './csp';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

describe('the page Content-Security-Policy', () => {
  it('allows scripts by nonce only: no unsafe-inline, no eval outside development', () => {
    for (const customer of [false, true]) {
      const policy = pageContentSecurityPolicy('abc123', { customer, dev: false });
      expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
      expect(directive(policy, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-eval');
    }
    expect(pageContentSecurityPolicy('n', { customer: true, dev: false })).toContain("default-src 'none'");
    expect(directive(pageContentSecurityPolicy('n', { customer: false, dev: true }), 'script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('makes a new unguessable nonce every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
