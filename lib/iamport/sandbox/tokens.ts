import 'server-only';
import { randomBytes } from 'node:crypto';
import type { SandboxCredentials } from './types';

const LIFETIME_S = 1800;
const EXTEND_WINDOW_S = 60;
const EXTENSION_S = 300;

export interface TokenRecord {
  token: string;
  impKey: string;
  /** Unix seconds. */
  expiredAt: number;
  /** Increases with every new token, so "issued before X" is a comparison. */
  generation: number;
}

export type TokenResult =
  { ok: true; record: TokenRecord; now: number } | { ok: false; reason: 'missing' | 'bad_credentials' };

/** getToken semantics of docs/iamport.md §2: one shared token per key, extended in its last minute. */
export class TokenAuthority {
  private readonly byKey = new Map<string, TokenRecord>();
  private readonly byToken = new Map<string, TokenRecord>();
  private generation = 0;

  constructor(
    private readonly credentials: readonly SandboxCredentials[],
    private readonly nowSeconds: () => number,
  ) {}

  getToken(impKey: string | undefined, impSecret: string | undefined): TokenResult {
    if (!impKey || !impSecret) return { ok: false, reason: 'missing' };
    const known = this.credentials.some((pair) => pair.impKey === impKey && pair.impSecret === impSecret);
    if (!known) return { ok: false, reason: 'bad_credentials' };
    const now = this.nowSeconds();
    const current = this.byKey.get(impKey);
    if (current && now < current.expiredAt) {
      if (current.expiredAt - now <= EXTEND_WINDOW_S) current.expiredAt += EXTENSION_S;
      return { ok: true, record: current, now };
    }
    if (current) this.byToken.delete(current.token);
    const record: TokenRecord = {
      token: randomBytes(20).toString('hex'),
      impKey,
      expiredAt: now + LIFETIME_S,
      generation: ++this.generation,
    };
    this.byKey.set(impKey, record);
    this.byToken.set(record.token, record);
    return { ok: true, record, now };
  }

  /** The live record for a presented token, or undefined when unknown or expired. */
  verify(token: string | null): TokenRecord | undefined {
    if (!token) return undefined;
    const record = this.byToken.get(token);
    if (!record || this.nowSeconds() >= record.expiredAt) return undefined;
    return record;
  }

  /** Ends a token now (the `token_expiry` card): the next getToken issues a new one. */
  expire(record: TokenRecord): void {
    record.expiredAt = Math.min(record.expiredAt, this.nowSeconds());
  }

  /** Generation of the newest token issued so far. */
  latestGeneration(): number {
    return this.generation;
  }
}

/** The token from `Authorization: Bearer T`, `Authorization: T` or `X-ImpTokenHeader: T`; Authorization wins. */
export function presentedToken(headers: Headers): string | null {
  const authorization = headers.get('authorization')?.trim();
  if (authorization) {
    const bearer = /^bearer\s+(.+)$/i.exec(authorization);
    return (bearer?.[1] ?? authorization).trim();
  }
  const legacy = headers.get('x-imptokenheader')?.trim();
  return legacy || null;
}
