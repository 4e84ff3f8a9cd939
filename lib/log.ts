import 'server-only';
import pino from 'pino';
import { getEnv } from '@/lib/env';

/** Paths pino blanks out wherever they appear, at any of the depths we log objects at. */
const SENSITIVE_KEYS = [
  'card_number',
  'cardNumber',
  'expiry',
  'cvc',
  'pwd_2digit',
  'birth',
  'imp_secret',
  'impSecret',
  'IMP_SECRET',
  'password',
  'access_token',
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
];
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const globalForLog = globalThis as unknown as { __billingKeyLogger?: pino.Logger };

/** Structured JSON logs on stdout; card fields and secrets are redacted by path. */
export function getLogger(): pino.Logger {
  globalForLog.__billingKeyLogger ??= pino({
    level: getEnv().LOG_LEVEL,
    base: { app: 'billing-key-console' },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
  });
  return globalForLog.__billingKeyLogger;
}
