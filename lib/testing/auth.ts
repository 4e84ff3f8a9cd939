import 'server-only';
import { createHmac } from 'node:crypto';
import type { Db } from '@/lib/db';
import { createAuthRuntime, type AuthRuntime } from '@/lib/auth/auth';
import { handleAuthRequest } from '@/lib/auth/handler';
import { insertStaffAccount, type NewStaff } from '@/lib/auth/staff';
import type { SessionPolicy } from '@/lib/auth/session-policy';
import { PEER_ADDRESS_HEADER, peerStamp } from '@/lib/request-context';

/** Test support: an auth runtime on a test database with a movable clock, and an HTTP-ish client. */
export interface TestAuth extends AuthRuntime {
  clock: { now: Date; advance(ms: number): void };
}

export const TEST_POLICY: SessionPolicy = { idleTimeoutMs: 15 * 60_000, maxAgeMs: 12 * 3_600_000 };
export const TEST_ORIGIN = 'http://127.0.0.1:3999';

export function testAuth(db: Db, policy: SessionPolicy = TEST_POLICY): TestAuth {
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const runtime = createAuthRuntime(db, {
    secret: 'test-secret-test-secret-test-secret-0123',
    policy,
    now: () => clock.now,
  });
  return { ...runtime, clock };
}

let sequence = 0;
/** A unique email per test, so tests on one database do not see each other's failures. */
export const uniqueEmail = (prefix: string) => `${prefix}.${Date.now().toString(36)}${sequence++}@example.com`;
export const uniqueIp = () => `10.${(sequence >> 8) & 255}.${sequence++ & 255}.${Math.floor(Math.random() * 250) + 1}`;

export const PASSWORD = 'correct horse battery';

export async function seedStaff(auth: AuthRuntime, input: Partial<NewStaff> & { email: string }) {
  return insertStaffAccount(auth, { name: '테스트', role: 'agent', password: PASSWORD, ...input });
}

/** A browser-like cookie jar over `auth.handler`, one per simulated client. */
export class AuthClient {
  private cookies = new Map<string, string>();
  constructor(
    private readonly runtime: AuthRuntime,
    readonly ip: string,
  ) {}

  headers(extra: Record<string, string> = {}): Headers {
    // The address as the server's peer stamp gives it (no trusted proxy, the default).
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: peerStamp(this.ip), origin: TEST_ORIGIN, ...extra });
    if (this.cookies.size)
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    return headers;
  }

  async post(path: string, body: unknown, extra: Record<string, string> = {}) {
    return this.send(
      new Request(`${TEST_ORIGIN}/api/auth${path}`, {
        method: 'POST',
        headers: this.headers({ 'content-type': 'application/json', ...extra }),
        body: JSON.stringify(body),
      }),
    );
  }

  get(path: string, extra: Record<string, string> = {}) {
    return this.send(new Request(`${TEST_ORIGIN}/api/auth${path}`, { headers: this.headers(extra) }));
  }

  /** Through the app's own wrapper of better-auth's handler, as `/api/auth/*` serves it. */
  private async send(
    request: Request,
  ): Promise<{ status: number; body: Record<string, unknown> | null; response: Response }> {
    const response = await handleAuthRequest(this.runtime.auth, request);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /max-age=0\b/i.test(attribute.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: Record<string, unknown> | null = null;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, response };
  }

  signIn(email: string, password: string) {
    return this.post('/sign-in/email', { email, password });
  }

  /** The same browser (its cookies) talking to another runtime, e.g. one whose audit table fails. */
  through(runtime: AuthRuntime): AuthClient {
    const other = new AuthClient(runtime, this.ip);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  hasCookie(fragment: string): boolean {
    return [...this.cookies.keys()].some((name) => name.includes(fragment));
  }
}

/** A new staff account (its email made from `prefix`), signed in by a fresh client from an address of its own. */
export async function signedInStaff(auth: AuthRuntime, prefix: string, input: Partial<NewStaff> = {}) {
  const email = uniqueEmail(prefix);
  const staff = await seedStaff(auth, { email, ...input });
  const client = new AuthClient(auth, uniqueIp());
  await client.signIn(email, PASSWORD);
  return { email, staff, client };
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) from a raw (not base32) secret, as better-auth generates them. */
export function totpCode(secret: string, at: Date = new Date()): string {
  const counter = Math.floor(at.getTime() / 1000 / 30);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', Buffer.from(secret, 'utf8')).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

/** The secret inside an otpauth:// URI, decoded from base32. */
export function secretFromTotpUri(uri: string): string {
  const encoded = new URL(uri).searchParams.get('secret') ?? '';
  return base32Decode(encoded).toString('utf8');
}

function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of input.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char);
    if (index < 0) continue;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
