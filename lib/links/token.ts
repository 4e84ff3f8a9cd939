import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits) as base64url: 43 characters, safe in a URL path. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** What the database keeps instead of the token: its SHA-256 in hex. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The first 8 hex characters of the hash: enough to follow one link through the logs, nothing to open it with. */
export function tokenLogId(tokenHash: string): string {
  return tokenHash.slice(0, 8);
}

/** The path of the customer's page; the token is its only secret. */
export const LINK_PATH_PREFIX = '/r';
export const linkPath = (token: string) => `${LINK_PATH_PREFIX}/${token}`;
