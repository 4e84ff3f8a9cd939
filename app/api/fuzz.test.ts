/**
 * Property-based fuzzing of every API route through its real handler (the exported GET/POST/… of
 * each `app/api/**\/route.ts`), signed in with a real better-auth session on an in-memory PGlite,
 * with the in-process sandbox as Iamport. Well over 10,000 random and malformed bodies, query strings,
 * path parameters, cookies, content types, origins and forwarded headers (`X-Forwarded-For`, `-Host`,
 * `-Proto`, `X-Real-IP`: the fuzzer is the TCP peer 192.0.2.1, with no trusted proxy). For every answer:
 *
 * - never a 5xx;
 * - every 4xx is `{ "error": { "code", "message" } }` with a Korean message, its code's own status
 *   (lib/errors.ts), and Korean per-field messages;
 * - invalid input (refused by the route's own schema, not JSON, too big, signed out, another site)
 *   answers a 4xx and makes no call to Iamport (the sandbox's call counter does not move);
 * - a mutated field of an otherwise valid issuance is named in `fields`;
 * - a body is JSON by its parsed media type (`text/plain; charset=application/json` is 415);
 * - forwarded headers change nothing: the origin check ignores `X-Forwarded-Host`, and every audit
 *   event names the peer's address (or none), never a forwarded value; no session keeps a user agent
 *   longer than 512 characters.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodType } from 'zod';

vi.hoisted(() => {
  // Read lazily by lib/env.ts: set before any handler runs. Sandbox mode, quiet logs, fixed secret.
  for (const name of ['IMP_KEY', 'IMP_SECRET', 'DATABASE_URL', 'BENCH_ROUTES', 'BETTER_AUTH_URL'])
    delete process.env[name];
  process.env.BETTER_AUTH_SECRET = 'fuzz-only-better-auth-secret-0123456789abcdef';
  process.env.LOG_LEVEL = 'error';
});

import { getAuthRuntime } from '@/lib/auth/auth';
import { insertStaffAccount } from '@/lib/auth/staff';
import { openPglite } from '@/lib/db/client';
import { ERROR_STATUS } from '@/lib/errors';
import { getIamport } from '@/lib/runtime';
import { attemptsQuerySchema, searchParamsObject } from '@/lib/validations/attempts';
import {
  changePasswordSchema,
  securitySettingsSchema,
  setupSchema,
  staffCreateSchema,
  staffUpdateSchema,
} from '@/lib/validations/auth';
import { issueBillingKeySchema } from '@/lib/validations/billing-key';
import { getDb } from '@/lib/db';
import { auditEvents, authSessions } from '@/lib/db/schema';
import { PEER_ADDRESS_HEADER, peerStamp } from '@/lib/request-context';
import { parseBillingKeyFilters } from '@/lib/validations/billing-key-filters';
import { customerUidParamSchema, deleteBillingKeySchema, duplicateCardSchema } from '@/lib/validations/key-actions';
import { parseAuditQuery } from '@/lib/validations/audit';
import { qaRunInputSchema } from '@/lib/validations/qa';
import { channelSettingsSchema } from '@/lib/settings/schema';
import * as accountRoute from './account/route';
import * as passwordRoute from './account/password/route';
import * as sessionsRoute from './account/sessions/route';
import * as attemptsRoute from './attempts/route';
import * as duplicateCardsRoute from './duplicate-cards/route';
import * as auditRoute from './audit/route';
import * as auditExportRoute from './exports/audit/route';
import * as qaRunsRoute from './qa/runs/route';
import * as qaRunRoute from './qa/runs/[id]/route';
import * as channelSettingsRoute from './settings/channels/route';
import * as authRoute from './auth/[...all]/route';
import * as benchConstantRoute from './bench/constant/route';
import * as acknowledgeRoute from './billing-keys/[customerUid]/acknowledge/route';
import * as currentRoute from './billing-keys/[customerUid]/current/route';
import * as keyRoute from './billing-keys/[customerUid]/route';
import * as keysRoute from './billing-keys/route';
import * as channelsRoute from './channels/route';
import * as exportRoute from './exports/billing-keys/route';
import * as healthRoute from './health/route';
import * as readyRoute from './ready/route';
import * as reconcileRoute from './reconcile/route';
import * as securityRoute from './settings/security/route';
import * as setupRoute from './setup/route';
import * as staffUserRoute from './staff/[userId]/route';
import * as staffRoute from './staff/route';

const HOST = '127.0.0.1:3999';
const ORIGIN = `http://${HOST}`;
const ADMIN = { email: 'fuzz.admin@example.com', password: 'fuzz admin passphrase 1' };
const MAX_BODY_BYTES = 16 * 1024;
const HANGUL = /[가-힣]/;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Who = 'admin' | 'anonymous' | 'garbage';
type OriginKind = 'same' | 'none' | 'foreign' | 'null' | 'malformed' | 'cross-site' | 'forwarded-host';

/** One generated request. */
interface Case {
  method: Method;
  path: string;
  query: string;
  params: Record<string, string>;
  body?: string;
  contentType?: string;
  who: Who;
  cookie?: string;
  origin: OriginKind;
  /** Forwarded headers the client made up (no proxy is trusted: none may count). */
  forwarded: Record<string, string>;
  /** For a mutated issuance: the fields the mutations broke. */
  expectFields?: string[];
}

interface Answer {
  status: number;
  text: string;
  json: unknown;
  upstreamCalls: number;
}

/** What a route promises for a case that passed origin and sign-in checks. */
interface Expectation {
  /** The input is invalid: a 4xx (of these statuses, when given) and no call to Iamport. */
  invalid: boolean;
  statuses?: readonly number[];
  /** Fields that must be named in `error.fields`. */
  fields?: readonly string[];
  /** Iamport may be called (valid input to a route that looks things up there). */
  upstreamAllowed?: boolean;
}

interface RouteSpec {
  /** Folder under app/api, as the route walk below finds it. */
  route: string;
  method: Method;
  handler: Handler;
  runs: number;
  public?: boolean;
  /** Better-auth's own endpoints: its codes, not lib/errors.ts's, with Korean messages. */
  foreignCodes?: boolean;
  /** Who may be generated; signing out everywhere would end the fuzzer's own session. */
  callers?: readonly Who[];
  arb: fc.Arbitrary<Partial<Case>>;
  expect(c: Case): Expectation;
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\t',
  '\n',
  '\r\n',
  '%',
  '%00',
  '%ZZ',
  '..',
  '.',
  '../..',
  '/',
  '\\',
  "'; drop table billing_keys; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'null',
  'true',
  '김민준',
  '\u202e',
  '\ud800',
  '\uffff',
  '😀'.repeat(30),
  'x'.repeat(81),
  'x'.repeat(300),
);
const anyString = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: nasty, weight: 3 },
  { arbitrary: fc.string({ maxLength: 300 }), weight: 1 },
);
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
  { arbitrary: anyString, weight: 3 },
  { arbitrary: fc.constantFrom(true, false, null, 0, -1, 1.5, 1e308, [], {}, [null]), weight: 2 },
);
/** Printable ASCII only: anything else cannot even be put in a header. */
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,120}$/);

/** Raw bodies that are not JSON, or not the JSON a route wants. */
const rawBody = fc.oneof(
  anyString,
  fc.constantFrom(
    '{',
    '[1,',
    '{"a":}',
    "{'a':1}",
    'undefined',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '['.repeat(9000),
    `${'['.repeat(4000)}${']'.repeat(4000)}`,
    `{"a":"${'x'.repeat(MAX_BODY_BYTES + 10)}"}`,
    `{"a":"${'가'.repeat(6000)}"}`,
    '\ufeff{}',
  ),
  anyJson.map((value) => JSON.stringify(value) ?? 'undefined'),
);

const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      // Media types that only mention JSON (a substring check let the first through).
      'text/plain; charset=application/json',
      'text/plain; application/json',
      'application/x-www-form-urlencoded; a=application/json',
      'application/json-patch+json',
      'application/json; charset=latin1',
    ),
    weight: 3,
  },
  { arbitrary: headerText, weight: 1 },
);

/** An object of the route's own keys (plus strangers) with values of any shape. */
const objectOf = (keys: readonly string[], good: Record<string, fc.Arbitrary<unknown>> = {}) =>
  fc
    .dictionary(
      fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 5 }, { arbitrary: anyString, weight: 1 }),
      fc.oneof({ arbitrary: anyJson, weight: 3 }, { arbitrary: fc.constant(undefined), weight: 1 }),
      { maxKeys: keys.length + 2 },
    )
    .chain((object) =>
      fc.record(
        Object.fromEntries(
          Object.entries(object).map(([key, value]) => [
            key,
            Object.hasOwn(good, key) ? fc.oneof(fc.constant(value), good[key]!) : fc.constant(value),
          ]),
        ),
      ),
    );

const jsonBody = (object: fc.Arbitrary<unknown>) =>
  fc.record({
    body: fc.oneof(
      { arbitrary: object.map((value) => JSON.stringify(value)), weight: 4 },
      { arbitrary: rawBody, weight: 1 },
    ),
    contentType,
  });

/** `key=value&…` with the route's own parameter names, repeated ones, and raw malformed escapes. */
const queryOf = (names: readonly string[], good: Record<string, fc.Arbitrary<string>> = {}) =>
  fc.oneof(
    {
      arbitrary: fc
        .array(
          fc.tuple(
            fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 6 }, { arbitrary: anyString, weight: 1 }),
            anyString,
          ),
          { maxLength: 5 },
        )
        .chain((pairs) =>
          fc.tuple(
            ...pairs.map(([name, value]) =>
              Object.hasOwn(good, name)
                ? fc.tuple(fc.constant(name), fc.oneof(fc.constant(value), good[name]!))
                : fc.constant([name, value] as const),
            ),
          ),
        )
        .map((pairs) => new URLSearchParams(pairs.map(([name, value]) => [name, value])).toString()),
      weight: 6,
    },
    {
      arbitrary: fc.constantFrom(
        '%',
        '%%',
        '%zz',
        'q=%E0%A4%A',
        '&&&',
        '=',
        'page=1&page=x',
        'q=%00',
        'a[b]=1',
        'q=' + '%41'.repeat(400),
      ),
      weight: 1,
    },
  );

const callerArb = (allowed: readonly Who[]) =>
  fc.oneof(...allowed.map((who) => ({ arbitrary: fc.constant(who), weight: who === 'admin' ? 12 : 1 })));
const garbageCookie = fc.oneof(
  headerText.map((value) => `bk.session_token=${value}`),
  headerText,
  fc.constantFrom(
    'bk.session_token=',
    'bk.session_token=a.b',
    'bk.session_token=%ZZ',
    `bk.session_token=${'x'.repeat(4000)}`,
  ),
);
/** Made-up forwarded headers: well-formed, junk, 8,000 characters, lists, another host, another scheme. */
const addressText = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  headerText,
  fc.constantFrom('x'.repeat(8000), `${'203.0.113.9, '.repeat(700)}198.51.100.1`, 'unknown', '<script>', "'; --"),
  fc.array(fc.ipV4(), { minLength: 2, maxLength: 12 }).map((list) => list.join(', ')),
);
const forwardedArb = fc.record(
  {
    'x-forwarded-for': addressText,
    'x-real-ip': addressText,
    'x-forwarded-host': fc.oneof(fc.constantFrom('evil.example', '127.0.0.1:3999', 'a'.repeat(300)), headerText),
    'x-forwarded-proto': fc.oneof(fc.constantFrom('https', 'http', 'javascript'), headerText),
    'user-agent': fc.oneof(headerText, fc.constant(`Mozilla/5.0 ${'A'.repeat(20_000)}`)),
  },
  { requiredKeys: [] },
);
/** The TCP peer the fuzzer is, as the server's stamp (instrumentation.ts) gives it. */
const PEER = '192.0.2.1';

const originArb = fc.oneof(
  { arbitrary: fc.constant<OriginKind>('same'), weight: 14 },
  {
    arbitrary: fc.constantFrom<OriginKind>('none', 'foreign', 'null', 'malformed', 'cross-site', 'forwarded-host'),
    weight: 2,
  },
);

// A valid issuance for the sandbox's key-in channels, and single-field mutations that break it.
const KEY_IN_PGS = ['nice', 'nice_v2', 'kcp', 'tosspayments', 'ksnet', 'welcome', 'daou'] as const;
const REQUIRED: Record<string, string[]> = {
  tosspayments: ['customer_id'],
  ksnet: ['birth', 'pwd_2digit'],
  welcome: ['customer_name'],
};
const validIssue = fc.record({
  customer_uid: fc.stringMatching(/^[a-z0-9_]{1,30}$/).map((suffix) => `fuzz_${suffix}`),
  pg: fc.constantFrom(...KEY_IN_PGS),
  card_number: fc.constantFrom('5272-8900-0000-0004', '4518420000000007', '5310 7000 0000 0009'),
  expiry: fc.constantFrom('2030-12', '2031-01', '2040-06'),
  birth: fc.constantFrom('880101', '000101', '991231'),
  pwd_2digit: fc.constant('12'),
  cvc: fc.constantFrom('123', '1234'),
  customer_id: fc.constant('fuzz-buyer'),
  customer_name: fc.constant('홍길동'),
  customer_tel: fc.constantFrom('010-1234-5678', '+82-10-1234-5678'),
  customer_email: fc.constant('buyer@example.com'),
  idempotency_key: fc.uuid({ version: 4 }),
});

/** Values each field must refuse, whatever else the body holds. */
const BAD_VALUES: Record<string, unknown[]> = {
  customer_uid: [
    '',
    ' x',
    'x ',
    'a\u0000b',
    'a\u0007b',
    '.',
    '..',
    'x'.repeat(81),
    42,
    null,
    [],
    {},
    true,
    // Lone surrogates (were a 500), bidi controls and zero-width characters (look-alike ids).
    'cust\ud800',
    '\udc00cust',
    'cust\u202e001',
    'cust\u2066001',
    'cust\u200b001',
    'cust\ufeff001',
  ],
  pg: ['', 'NICE', 'nice!', 'unknown_pg', 'kakaopay', 'danal', 'nice..x', 'x'.repeat(81), 1, null, ['nice']],
  channel_key: ['x'.repeat(56), 'a\u0000b', 5, {}],
  card_number: [
    '',
    '5272-8900-0000-0005',
    '4518',
    '4518-4200-0000-0007-1',
    'abcd-efgh-ijkl-mnop',
    '４５１８４２００００００００７',
    5272890000000004,
    null,
  ],
  expiry: ['', '2020-01', '2030-13', '2030-00', '203012', '12/30', '2099-01', 2030, null, '2030-1'],
  birth: ['881301', '12345', 'abcdef', '1234567890', '8801011', 880101],
  pwd_2digit: ['1', '123', 'ab', 12],
  cvc: ['12', '12345', 'abc', 123],
  customer_id: ['x'.repeat(101), 'a\u0000b', 7],
  customer_name: ['x'.repeat(21), '홍\u0000길동', '홍\n길동', 5, []],
  customer_tel: ['abc', '123', '1'.repeat(16), '010 1234 5678', 1012345678],
  customer_email: ['not-an-email', 'a@', '@b.c', 'a@b@c', 3],
  customer_addr: ['x'.repeat(201), '서울\r\n강남구', 'a\u007fb', false],
  customer_postcode: ['abcde', '1'.repeat(9), 6236],
  replace_confirmed: ['yes', 1, null, 'true'],
  idempotency_key: ['not-a-uuid', '1234', 5, '00000000-0000-0000-0000-00000000000g'],
};

/**
 * `perPg`: a field the chosen PG requires, dropped or blank. That check looks at the whole body,
 * so zod only makes it once every field is valid on its own: named only when nothing else is broken.
 */
type Mutation = { field: string; perPg?: boolean; apply(body: Record<string, unknown>): void };
const mutationFor = (base: Record<string, unknown>): fc.Arbitrary<Mutation> => {
  const required = REQUIRED[String(base.pg)] ?? [];
  const drops = required.map((field) =>
    fc.constant<Mutation>({ field, perPg: true, apply: (body) => void delete body[field] }),
  );
  const blanks = required.map((field) =>
    fc.constant<Mutation>({ field, perPg: true, apply: (body) => void (body[field] = '  ') }),
  );
  const sets = Object.entries(BAD_VALUES).map(([field, values]) =>
    fc.constantFrom(...values).map<Mutation>((value) => ({ field, apply: (body) => void (body[field] = value) })),
  );
  const missing = ['customer_uid', 'pg', 'card_number', 'expiry'].map((field) =>
    fc.constant<Mutation>({ field, apply: (body) => void delete body[field] }),
  );
  return fc.oneof(...sets, ...missing, ...drops, ...blanks);
};

const mutatedIssue = validIssue.chain((base) =>
  fc
    .uniqueArray(mutationFor(base), { minLength: 1, maxLength: 3, selector: (mutation) => mutation.field })
    .map((mutations) => {
      const body: Record<string, unknown> = { ...base };
      for (const mutation of mutations) mutation.apply(body);
      const fieldLevel = mutations.filter((mutation) => !mutation.perPg);
      return { body, fields: (fieldLevel.length ? fieldLevel : mutations).map((mutation) => mutation.field) };
    }),
);

// ---------------------------------------------------------------------------------------------
// Oracles
// ---------------------------------------------------------------------------------------------

/** JSON by its media type, parsed: `application/json`, with no charset but UTF-8. */
const isJsonType = (type?: string) => {
  if (!type) return false;
  const [media, ...parameters] = type.split(';').map((part) => part.trim().toLowerCase());
  if (media !== 'application/json') return false;
  return parameters.every((parameter) => !parameter.startsWith('charset=') || /^charset="?utf-8"?$/.test(parameter));
};

/** What readJsonBody + the schema make of a body: null when it is acceptable. */
function bodyProblem(c: Case, schema: ZodType): 'type' | 'size' | 'json' | 'schema' | null {
  if (!isJsonType(c.contentType)) return 'type';
  const text = c.body ?? '';
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) return 'size';
  let value: unknown;
  try {
    // request.text() decodes UTF-8 as fetch does: a leading byte order mark is dropped.
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return 'json';
  }
  return schema.safeParse(value).success ? null : 'schema';
}
const BODY_STATUS = { type: [415], size: [413], json: [400], schema: [422] } as const;

function bodyExpectation(c: Case, schema: ZodType, valid: Omit<Expectation, 'invalid'> = {}): Expectation {
  const problem = bodyProblem(c, schema);
  return problem ? { invalid: true, statuses: BODY_STATUS[problem] } : { invalid: false, ...valid };
}

const paramValid = (value: string) => customerUidParamSchema.safeParse(value).success;
/**
 * A path segment as the router hands it over: decoded from UTF-8 (so no lone surrogate), never
 * empty, never `.` or `..` (URLs resolve those away).
 */
const segment = (arb: fc.Arbitrary<string>) =>
  arb.map((value) => value.toWellFormed()).filter((value) => value !== '' && value !== '.' && value !== '..');
const uidArb = segment(
  fc.oneof(
    { arbitrary: anyString, weight: 3 },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/), weight: 2 },
    { arbitrary: fc.constantFrom('x'.repeat(81), 'x'.repeat(1000), 'a%00b', '%2e%2e'), weight: 1 },
  ),
);

/** Every route file under app/api, as its folder (`/api/billing-keys/[customerUid]`). */
const ROUTE_FILES = (() => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'route.ts') found.push(`/${relative('app', dir).split(sep).join('/')}`);
    }
  };
  walk('app/api');
  return found.sort();
})();

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

const noInput = fc.record({ query: queryOf(['a', 'page', 'q']) });
const always =
  (statuses: readonly number[], upstreamAllowed = false) =>
  (): Expectation => ({
    invalid: false,
    statuses,
    upstreamAllowed,
  });

const h = (handler: unknown) => handler as Handler;

const ROUTES: RouteSpec[] = [
  {
    route: '/api/billing-keys',
    method: 'POST',
    handler: h(keysRoute.POST),
    runs: 2400,
    arb: fc.oneof(
      {
        arbitrary: mutatedIssue.chain(({ body, fields }) =>
          fc.record({ body: fc.constant(JSON.stringify(body)), contentType, expectFields: fc.constant(fields) }),
        ),
        weight: 6,
      },
      { arbitrary: jsonBody(objectOf(Object.keys(BAD_VALUES))), weight: 3 },
      { arbitrary: jsonBody(anyJson), weight: 1 },
    ),
    expect: (c) => {
      const result = bodyExpectation(c, issueBillingKeySchema);
      const fields = c.expectFields;
      return result.invalid && bodyProblem(c, issueBillingKeySchema) === 'schema' && fields
        ? { ...result, fields }
        : result;
    },
  },
  {
    route: '/api/billing-keys',
    method: 'GET',
    handler: h(keysRoute.GET),
    runs: 600,
    arb: fc.record({
      query: queryOf(
        [
          'q',
          'pg',
          'mid',
          'card',
          'card_type',
          'env',
          'status',
          'from',
          'to',
          'issued_by',
          'sort',
          'order',
          'page',
          'page_size',
        ],
        {
          page: fc.constantFrom('1', '2', '10000', '10001', '0', '-1', '1.5', '0x10', ' 3 '),
          page_size: fc.constantFrom('1', '200', '201', '50', ''),
          from: fc.constantFrom('2026-01-31', '2026-02-30', '2026-13-01', '26-01-01'),
          to: fc.constantFrom('2025-01-01', '2026-12-31'),
          status: fc.constantFrom('active', 'deleted', 'ACTIVE'),
          sort: fc.constantFrom('customer_uid', 'card_name', 'password'),
        },
      ),
    }),
    expect: (c) => {
      const ok = parseBillingKeyFilters(new URL(`${ORIGIN}${c.path}?${c.query}`).searchParams).success;
      return ok ? { invalid: false, statuses: [200] } : { invalid: true, statuses: [422] };
    },
  },
  {
    route: '/api/exports/billing-keys',
    method: 'GET',
    handler: h(exportRoute.GET),
    runs: 400,
    arb: fc.record({ query: queryOf(['q', 'pg', 'status', 'from', 'to', 'sort', 'order', 'card_type', 'env']) }),
    expect: (c) => {
      const ok = parseBillingKeyFilters(new URL(`${ORIGIN}${c.path}?${c.query}`).searchParams).success;
      return ok ? { invalid: false, statuses: [200] } : { invalid: true, statuses: [422] };
    },
  },
  {
    route: '/api/attempts',
    method: 'GET',
    handler: h(attemptsRoute.GET),
    runs: 600,
    arb: fc.record({
      query: queryOf(['outcome', 'pg_provider', 'pg_id', 'pg_code', 'customer_uid', 'from', 'to', 'cursor', 'limit'], {
        outcome: fc.constantFrom('issued', 'rejected', 'pending', 'ISSUED'),
        limit: fc.constantFrom('1', '100', '101', '0', '1e2', ' 5'),
        cursor: fc.constantFrom(
          'MjAyNi0wMS0wMVQwMDowMDowMC4wMDAwMDBaXzAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA',
          '!!!',
          '====',
        ),
        from: fc.constantFrom('2026-01-31', '2026-02-30'),
      }),
    }),
    expect: (c) => {
      const ok = attemptsQuerySchema.safeParse(
        searchParamsObject(new URL(`${ORIGIN}${c.path}?${c.query}`).searchParams),
      ).success;
      return ok ? { invalid: false, statuses: [200] } : { invalid: true, statuses: [422] };
    },
  },
  {
    route: '/api/billing-keys/[customerUid]',
    method: 'GET',
    handler: h(keyRoute.GET),
    runs: 300,
    arb: fc.record({ params: fc.record({ customerUid: uidArb }) }),
    expect: (c) =>
      paramValid(c.params.customerUid!)
        ? { invalid: false, statuses: [200, 404], upstreamAllowed: true }
        : { invalid: true, statuses: [422] },
  },
  {
    route: '/api/billing-keys/[customerUid]',
    method: 'DELETE',
    handler: h(keyRoute.DELETE),
    runs: 400,
    arb: fc
      .record({
        params: fc.record({ customerUid: uidArb }),
        sent: jsonBody(
          objectOf(['reason'], { reason: fc.constantFrom('고객 요청', 'x', ' ', 'a\u0000b', 'x'.repeat(201)) }),
        ),
      })
      .map(({ params, sent }) => ({ params, ...sent })),
    expect: (c) => {
      if (!paramValid(c.params.customerUid!)) return { invalid: true, statuses: [422] };
      return bodyExpectation(c, deleteBillingKeySchema, { statuses: [200, 404], upstreamAllowed: true });
    },
  },
  {
    route: '/api/billing-keys/[customerUid]/acknowledge',
    method: 'POST',
    handler: h(acknowledgeRoute.POST),
    runs: 250,
    arb: fc.record({ params: fc.record({ customerUid: uidArb }), body: rawBody, contentType }),
    expect: (c) =>
      paramValid(c.params.customerUid!) ? { invalid: false, statuses: [404] } : { invalid: true, statuses: [422] },
  },
  {
    route: '/api/billing-keys/[customerUid]/current',
    method: 'GET',
    handler: h(currentRoute.GET),
    runs: 300,
    arb: fc.record({ params: fc.record({ customerUid: uidArb }) }),
    expect: (c) =>
      paramValid(c.params.customerUid!)
        ? { invalid: false, statuses: [200], upstreamAllowed: true }
        : { invalid: true, statuses: [422] },
  },
  { route: '/api/staff', method: 'GET', handler: h(staffRoute.GET), runs: 100, arb: noInput, expect: always([200]) },
  {
    route: '/api/staff',
    method: 'POST',
    handler: h(staffRoute.POST),
    runs: 400,
    arb: jsonBody(
      objectOf(['email', 'name', 'role', 'password'], {
        email: fc.constantFrom('new.person@example.com', 'bad', 'A@B.CO'),
        role: fc.constantFrom('agent', 'root', 'ADMIN'),
        password: fc.constantFrom('short', 'a long enough passphrase', 'new.person passphrase'),
        name: fc.constantFrom('이름', ' ', 'a\u0001'),
      }),
    ),
    expect: (c) => bodyExpectation(c, staffCreateSchema, { statuses: [201, 409, 422] }),
  },
  {
    route: '/api/staff/[userId]',
    method: 'PATCH',
    handler: h(staffUserRoute.PATCH),
    runs: 400,
    arb: fc.record({
      params: fc.record({ userId: segment(anyString) }),
      body: fc.oneof(
        objectOf(['role', 'active'], { role: fc.constantFrom('agent', 'qa', 'boss'), active: fc.boolean() }).map(
          (value) => JSON.stringify(value),
        ),
        rawBody,
      ),
      contentType,
    }),
    expect: (c) => bodyExpectation(c, staffUpdateSchema, { statuses: [404] }),
  },
  {
    route: '/api/settings/security',
    method: 'GET',
    handler: h(securityRoute.GET),
    runs: 100,
    arb: noInput,
    expect: always([200]),
  },
  {
    route: '/api/settings/security',
    method: 'PUT',
    handler: h(securityRoute.PUT),
    runs: 400,
    arb: jsonBody(objectOf(['requireTwoFactor'])).map((c) => {
      // Turning 2FA on for everyone would lock the fuzzer out: a valid body only ever turns it off.
      try {
        const parsed = securitySettingsSchema.safeParse(JSON.parse(c.body));
        if (parsed.success && parsed.data.requireTwoFactor)
          return { ...c, body: JSON.stringify({ requireTwoFactor: false }) };
      } catch {
        // not JSON: sent as is
      }
      return c;
    }),
    expect: (c) => bodyExpectation(c, securitySettingsSchema, { statuses: [200] }),
  },
  {
    route: '/api/account',
    method: 'GET',
    handler: h(accountRoute.GET),
    runs: 150,
    public: true,
    arb: noInput,
    expect: (c) => ({ invalid: false, statuses: c.who === 'admin' ? [200] : [401] }),
  },
  {
    route: '/api/account/password',
    method: 'POST',
    handler: h(passwordRoute.POST),
    runs: 400,
    arb: jsonBody(
      objectOf(['currentPassword', 'newPassword', 'newPasswordConfirm'], {
        currentPassword: fc.constantFrom('not the password 1', ''),
        newPassword: fc.constantFrom('a brand new passphrase', 'short', 'fuzz.admin forever and ever'),
      }),
    ),
    // A valid body still has the wrong current password: 422, or 429 once the limit is reached.
    expect: (c) => bodyExpectation(c, changePasswordSchema(ADMIN.email), { statuses: [422, 429] }),
  },
  {
    route: '/api/account/sessions',
    method: 'DELETE',
    handler: h(sessionsRoute.DELETE),
    runs: 150,
    callers: ['anonymous', 'garbage'],
    arb: fc.record({ body: rawBody, contentType }),
    expect: always([401]),
  },
  {
    route: '/api/health',
    method: 'GET',
    handler: h(healthRoute.GET),
    runs: 100,
    public: true,
    arb: noInput,
    expect: always([200]),
  },
  {
    route: '/api/ready',
    method: 'GET',
    handler: h(readyRoute.GET),
    runs: 100,
    public: true,
    arb: noInput,
    expect: always([200], true),
  },
  {
    route: '/api/channels',
    method: 'GET',
    handler: h(channelsRoute.GET),
    runs: 100,
    arb: noInput,
    expect: always([200], true),
  },
  {
    route: '/api/reconcile',
    method: 'GET',
    handler: h(reconcileRoute.GET),
    runs: 100,
    arb: noInput,
    expect: always([200]),
  },
  {
    route: '/api/reconcile',
    method: 'POST',
    handler: h(reconcileRoute.POST),
    runs: 100,
    arb: fc.record({ body: rawBody, contentType, query: queryOf(['a']) }),
    expect: always([200], true),
  },
  {
    route: '/api/setup',
    method: 'POST',
    handler: h(setupRoute.POST),
    runs: 200,
    public: true,
    arb: jsonBody(objectOf(['email', 'name', 'password', 'passwordConfirm'])),
    // An admin exists (the fuzzer's own): closed to everyone, whatever the body.
    expect: always([403]),
  },
  {
    route: '/api/auth/[...all]',
    method: 'GET',
    handler: h(authRoute.GET),
    runs: 300,
    public: true,
    foreignCodes: true,
    arb: fc.record({
      path: fc.oneof(
        fc.constantFrom(
          '/api/auth/get-session',
          '/api/auth/ok',
          '/api/auth/list-sessions',
          '/api/auth/two-factor/get-totp-uri',
        ),
        anyString.map((tail) => `/api/auth/${encodeURIComponent(tail.replace(/[\ud800-\udfff]/g, ''))}`),
      ),
      query: queryOf(['disableCookieCache', 'callbackURL', 'token']),
    }),
    expect: always([200, 400, 401, 403, 404, 405, 429]),
  },
  {
    route: '/api/auth/[...all]',
    method: 'POST',
    handler: h(authRoute.POST),
    runs: 400,
    public: true,
    foreignCodes: true,
    // Signed in, some of these would sign the fuzzer out or change its second factor.
    callers: ['anonymous', 'garbage'],
    arb: fc
      .record({
        path: fc.oneof(
          {
            arbitrary: fc.constantFrom(
              '/api/auth/sign-in/email',
              '/api/auth/two-factor/verify-totp',
              '/api/auth/two-factor/verify-backup-code',
              '/api/auth/sign-up/email',
              '/api/auth/sign-out',
              '/api/auth/two-factor/enable',
              '/api/auth/change-password',
            ),
            weight: 5,
          },
          {
            arbitrary: anyString.map((tail) => `/api/auth/${encodeURIComponent(tail.replace(/[\ud800-\udfff]/g, ''))}`),
            weight: 1,
          },
        ),
        sent: jsonBody(
          objectOf(['email', 'password', 'code', 'rememberMe', 'trustDevice'], {
            email: fc.constantFrom(ADMIN.email, 'nobody@example.com'),
            code: fc.constantFrom('123456', 'abcdef'),
          }),
        ),
      })
      .map(({ path, sent }) => ({ path, ...sent })),
    // Signing out without a session is a harmless 200; a body over the limit is a 413 here too.
    expect: always([200, 400, 401, 403, 404, 405, 413, 415, 429]),
  },
  {
    route: '/api/audit',
    method: 'GET',
    handler: h(auditRoute.GET),
    runs: 400,
    arb: fc.record({
      query: queryOf(['action', 'result', 'actor', 'target', 'ip', 'from', 'to', 'cursor', 'limit'], {
        result: fc.constantFrom('success', 'denied', 'SUCCESS'),
        from: fc.constantFrom('2026-01-31', '2026-02-30'),
        limit: fc.constantFrom('1', '200', '201', '0'),
      }),
    }),
    expect: (c) =>
      parseAuditQuery(new URL(`${ORIGIN}${c.path}?${c.query}`).searchParams).success
        ? { invalid: false, statuses: [200] }
        : { invalid: true, statuses: [422] },
  },
  {
    route: '/api/exports/audit',
    method: 'GET',
    handler: h(auditExportRoute.GET),
    runs: 200,
    arb: fc.record({ query: queryOf(['action', 'result', 'actor', 'target', 'from', 'to']) }),
    expect: (c) =>
      parseAuditQuery(new URL(`${ORIGIN}${c.path}?${c.query}`).searchParams).success
        ? { invalid: false, statuses: [200] }
        : { invalid: true, statuses: [422] },
  },
  { route: '/api/qa/runs', method: 'GET', handler: h(qaRunsRoute.GET), runs: 100, arb: noInput, expect: always([200]) },
  {
    route: '/api/duplicate-cards',
    method: 'POST',
    handler: h(duplicateCardsRoute.POST),
    runs: 300,
    arb: jsonBody(
      objectOf(['bin6', 'last4', 'customer_uid'], {
        bin6: fc.constantFrom('518185', '12345', 'abcdef', 518185),
        last4: fc.constantFrom('3264', '326', '32645'),
        customer_uid: fc.constantFrom('cust_1', 'x'.repeat(81)),
      }),
    ),
    expect: (c) => bodyExpectation(c, duplicateCardSchema, { statuses: [200] }),
  },
  {
    route: '/api/qa/runs',
    method: 'POST',
    handler: h(qaRunsRoute.POST),
    runs: 300,
    // Invalid bodies only: a valid one starts a run that calls the sandbox after the answer.
    arb: jsonBody(
      objectOf(['channelKeys', 'scenarios', 'issueTimeoutMs', 'confirmLive'], {
        channelKeys: fc.constantFrom([], ['channel-key-nice'], [''], ['a', 'a']),
        scenarios: fc.constantFrom([], ['nope'], 'issue'),
        issueTimeoutMs: fc.constantFrom(-1, 1.5, '3000', 10 ** 9),
      }),
    ).filter((c) => bodyProblem({ ...c, method: 'POST' } as Case, qaRunInputSchema) !== null),
    expect: (c) => bodyExpectation(c, qaRunInputSchema),
  },
  {
    route: '/api/qa/runs/[id]',
    method: 'GET',
    handler: h(qaRunRoute.GET),
    runs: 200,
    arb: fc.record({ params: fc.record({ id: segment(fc.oneof(anyString, fc.uuid())) }) }),
    // Unknown or malformed: not found either way, and nothing asked of Iamport.
    expect: always([404]),
  },
  {
    route: '/api/settings/channels',
    method: 'GET',
    handler: h(channelSettingsRoute.GET),
    runs: 100,
    arb: noInput,
    expect: always([200], true),
  },
  {
    route: '/api/settings/channels',
    method: 'PUT',
    handler: h(channelSettingsRoute.PUT),
    runs: 300,
    // Invalid bodies only: a valid one would hide channels from the issuance specs.
    arb: jsonBody(
      objectOf(['defaultChannelKey', 'hiddenChannelKeys'], {
        defaultChannelKey: fc.constantFrom(null, '', 'channel-key-nice', 5),
        hiddenChannelKeys: fc.constantFrom([], [''], 'channel-key-nice', [1]),
      }),
    ).filter((c) => bodyProblem({ ...c, method: 'PUT' } as Case, channelSettingsSchema) !== null),
    expect: (c) => bodyExpectation(c, channelSettingsSchema),
  },
  {
    route: '/api/bench/constant',
    method: 'GET',
    handler: h(benchConstantRoute.GET),
    runs: 100,
    public: true,
    arb: noInput,
    // BENCH_ROUTES is unset here: the benchmark-only route does not exist.
    expect: always([404]),
  },
];

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

let adminCookie = '';
const logLines: string[] = [];
let requests = 0;

/** The message of the last error a handler logged, without its stack. */
function lastLoggedError(): string {
  try {
    const entry = JSON.parse(logLines[logLines.length - 1] ?? '{}') as { err?: { message?: string }; msg?: string };
    return (entry.err?.message ?? entry.msg ?? '').slice(0, 300);
  } catch {
    return '';
  }
}

function upstreamTotal(): number {
  const sandbox = getIamport().sandbox;
  if (!sandbox) throw new Error('the fuzzer must run in sandbox mode');
  return sandbox.stats().total;
}

function originHeaders(kind: OriginKind): Record<string, string> {
  switch (kind) {
    case 'same':
      return { origin: ORIGIN, 'sec-fetch-site': 'same-origin' };
    case 'none':
      return {};
    case 'foreign':
      return { origin: 'https://evil.example' };
    case 'null':
      return { origin: 'null' };
    case 'malformed':
      return { origin: 'http://' };
    case 'cross-site':
      return { 'sec-fetch-site': 'cross-site' };
    case 'forwarded-host':
      // Another site's page that also claims to be that site through X-Forwarded-Host.
      return { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' };
  }
}

async function send(spec: RouteSpec, c: Case): Promise<Answer> {
  const headers: Record<string, string> = {
    host: HOST,
    ...c.forwarded,
    ...originHeaders(c.origin),
    [PEER_ADDRESS_HEADER]: peerStamp(PEER),
  };
  if (c.cookie) headers.cookie = c.cookie;
  if (c.contentType) headers['content-type'] = c.contentType;
  const hasBody = c.method !== 'GET' && c.body !== undefined;
  const request = new Request(`${ORIGIN}${c.path}${c.query ? `?${c.query}` : ''}`, {
    method: c.method,
    headers,
    body: hasBody ? c.body : undefined,
  });
  const before = upstreamTotal();
  requests++;
  const response = await spec.handler(request, { params: Promise.resolve(c.params) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, text, json, upstreamCalls: upstreamTotal() - before };
}

function concretePath(spec: RouteSpec, params: Record<string, string>): string {
  return spec.route.replace(/\[([^\]/]+)\]/g, (_match, name: string) => encodeURIComponent(params[name] ?? 'x'));
}

/**
 * A route without a tailored spec (added since): random queries, bodies and path segments. Reads
 * by anyone; writes only signed out, since an unknown write signed in could change what the other
 * specs rely on. Promises: no 5xx, the error envelope with a Korean message.
 */
function genericSpecs(route: string, module: Record<string, unknown>): RouteSpec[] {
  const names = [...route.matchAll(/\[([^\]/]+)\]/g)].map((match) => match[1]!);
  const arb = fc.record({
    params: fc.record(Object.fromEntries(names.map((name) => [name, segment(anyString)]))),
    query: queryOf(['q', 'page', 'page_size', 'limit', 'from', 'to', 'cursor', 'id', 'status']),
    body: fc.oneof(
      objectOf(['id', 'name', 'reason', 'enabled', 'channels']).map((value) => JSON.stringify(value)),
      rawBody,
    ),
    contentType,
  });
  return (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const)
    .filter((method) => typeof module[method] === 'function')
    .map((method) => ({
      route,
      method,
      handler: h(module[method]),
      runs: method === 'GET' ? 100 : 40,
      public: true,
      callers: method === 'GET' ? (['admin', 'anonymous', 'garbage'] as const) : (['anonymous', 'garbage'] as const),
      arb,
      expect: () => ({ invalid: false, upstreamAllowed: true }),
    }));
}

const routeModule = (route: string) =>
  import(/* @vite-ignore */ join(process.cwd(), 'app', route, 'route.ts')) as Promise<Record<string, unknown>>;

const caseArb = (spec: RouteSpec): fc.Arbitrary<Case> =>
  fc
    .record({
      extra: spec.arb,
      who: callerArb(spec.callers ?? ['admin', 'anonymous', 'garbage']),
      garbage: garbageCookie,
      origin: originArb,
      forwarded: fc.oneof({ arbitrary: fc.constant({}), weight: 1 }, { arbitrary: forwardedArb, weight: 2 }),
    })
    .map(({ extra, who, garbage, origin, forwarded }) => {
      const params = extra.params ?? {};
      return {
        method: spec.method,
        path: extra.path ?? concretePath(spec, params),
        query: extra.query ?? '',
        params,
        body: extra.body,
        contentType: extra.contentType,
        who,
        cookie: who === 'admin' ? adminCookie : who === 'garbage' ? garbage : undefined,
        origin,
        forwarded,
        expectFields: extra.expectFields,
      } satisfies Case;
    });

const CONTROL = /[\u0000-\u001f\u007f]/;
const safeDecode = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; fields?: Record<string, unknown> };
}

/** The properties; throws (for fast-check to shrink) with what was sent and what came back. */
function check(spec: RouteSpec, c: Case, answer: Answer): void {
  const context = () =>
    `${c.method} ${c.path}${c.query ? `?${c.query}` : ''} as ${c.who}, origin ${c.origin}, forwarded ${JSON.stringify(c.forwarded).slice(0, 200)}, content-type ${c.contentType}, body ${JSON.stringify(c.body?.slice(0, 200))}, params ${JSON.stringify(c.params)}\n→ ${answer.status} ${answer.text.slice(0, 400)}${logLines.length ? `\nlast server error: ${lastLoggedError()}` : ''}`;
  const fail = (why: string) => {
    throw new Error(`${why}\n${context()}`);
  };
  if (answer.status >= 500) fail('a 5xx answer');

  const write = c.method !== 'GET';
  const foreign = write && c.origin !== 'same' && c.origin !== 'none';
  let expectation: Expectation;
  if (foreign) expectation = { invalid: true, statuses: [403] };
  else if (CONTROL.test(Object.values(c.params).join('') + safeDecode(c.path)))
    expectation = { invalid: true, statuses: [404] };
  else if (!spec.public && c.who !== 'admin') expectation = { invalid: true, statuses: [401] };
  else expectation = spec.expect(c);

  if (expectation.statuses && !expectation.statuses.includes(answer.status)) {
    fail(`expected HTTP ${expectation.statuses.join(' or ')}`);
  }
  if (expectation.invalid && (answer.status < 400 || answer.status >= 500)) fail('invalid input must answer a 4xx');
  if ((expectation.invalid || !expectation.upstreamAllowed) && answer.upstreamCalls !== 0) {
    fail(
      `${answer.upstreamCalls} call(s) to Iamport for ${expectation.invalid ? 'invalid input' : 'a route that never calls it'}`,
    );
  }

  if (answer.status >= 400) {
    const error = (answer.json as ErrorEnvelope | null)?.error;
    if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') {
      fail('a 4xx without the { error: { code, message } } envelope');
      return;
    }
    if (!HANGUL.test(error.message)) fail('the error message is not Korean');
    if (!spec.foreignCodes && ERROR_STATUS[error.code as keyof typeof ERROR_STATUS] !== answer.status) {
      fail(`code ${error.code} does not belong to HTTP ${answer.status}`);
    }
    for (const [field, message] of Object.entries(error.fields ?? {})) {
      if (typeof message !== 'string' || !HANGUL.test(message)) fail(`the message for field ${field} is not Korean`);
    }
    for (const field of expectation.fields ?? []) {
      if (!error.fields || !(field in error.fields)) fail(`the invalid field ${field} is not named in error.fields`);
    }
  }
}

async function fuzz(spec: RouteSpec, runs = spec.runs): Promise<void> {
  await fc.assert(
    fc.asyncProperty(caseArb(spec), async (c) => check(spec, c, await send(spec, c))),
    { numRuns: runs, endOnFailure: false },
  );
}

beforeAll(async () => {
  const globals = globalThis as { __billingKeyDb?: unknown; __billingKeyLogger?: unknown };
  globals.__billingKeyDb = openPglite(null);
  // Errors the handlers log (with their stack) are kept to explain a failing case.
  globals.__billingKeyLogger = pino({ level: 'error' }, { write: (line: string) => void logLines.push(line) });
}, 60_000);

afterAll(async () => {
  const globals = globalThis as { __billingKeyDb?: Promise<{ close(): Promise<void> }> };
  await (await globals.__billingKeyDb)?.close();
  console.log(`fuzzed ${requests} requests over ${ROUTE_FILES.length} route files`);
});

describe('API fuzzing (fast-check, real handlers, real session)', () => {
  it('a tailored spec covers every method each of its route files exports', async () => {
    for (const file of new Set(ROUTES.map((spec) => spec.route))) {
      expect(ROUTE_FILES, 'a spec for a route file that is gone').toContain(file);
      const exported = Object.keys(await routeModule(file))
        .filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name))
        .sort();
      const fuzzed = ROUTES.filter((spec) => spec.route === file)
        .map((spec) => spec.method)
        .sort();
      expect(fuzzed, file).toEqual(exported);
    }
  });

  it('/api/setup before any admin exists: invalid bodies are refused and create nobody', async () => {
    const spec: RouteSpec = {
      ...ROUTES.find((route) => route.route === '/api/setup')!,
      arb: jsonBody(
        objectOf(['email', 'name', 'password', 'passwordConfirm'], {
          email: fc.constantFrom('first.admin@example.com', 'nope'),
          password: fc.constantFrom('first admin passphrase', 'short'),
          passwordConfirm: fc.constantFrom('first admin passphrase', 'other'),
        }),
      ).filter((c) => bodyProblem({ ...c, method: 'POST' } as Case, setupSchema) !== null),
      expect: (c) => bodyExpectation(c, setupSchema),
    };
    await fuzz(spec, 400);
    const { adminExists } = await import('@/lib/auth/staff');
    expect(await adminExists({ db: (await getAuthRuntime()).db })).toBe(false);
  }, 60_000);

  it('signs in through the real better-auth route', async () => {
    await insertStaffAccount(await getAuthRuntime(), { ...ADMIN, name: '퍼저', role: 'admin' });
    const response = await authRoute.POST(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          host: HOST,
          origin: ORIGIN,
          'content-type': 'application/json',
          [PEER_ADDRESS_HEADER]: peerStamp(PEER),
        },
        body: JSON.stringify(ADMIN),
      }),
      { params: Promise.resolve({}) } as never,
    );
    expect(response.status).toBe(200);
    adminCookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    expect(adminCookie).toContain('bk.session_token=');
  }, 30_000);

  it('control: a valid issuance does reach the sandbox (the call counter is live)', async () => {
    const spec = ROUTES.find((route) => route.route === '/api/billing-keys' && route.method === 'POST')!;
    const answer = await send(spec, {
      method: 'POST',
      path: '/api/billing-keys',
      query: '',
      params: {},
      body: JSON.stringify({
        customer_uid: 'fuzz_control',
        pg: 'nice',
        card_number: '5272-8900-0000-0004',
        expiry: '2030-12',
      }),
      contentType: 'application/json',
      who: 'admin',
      cookie: adminCookie,
      origin: 'same',
      forwarded: {},
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.upstreamCalls).toBeGreaterThan(0);
  }, 30_000);

  it('control: the checks catch a route that breaks its promise', () => {
    const spec = ROUTES.find((route) => route.route === '/api/billing-keys' && route.method === 'GET')!;
    const c: Case = {
      method: 'GET',
      path: '/api/billing-keys',
      query: 'page=x',
      params: {},
      who: 'admin',
      origin: 'same',
      forwarded: {},
    };
    const bad = (answer: Partial<Answer>) => () =>
      check(spec, c, { status: 422, text: '', json: null, upstreamCalls: 0, ...answer });
    expect(bad({ status: 500 })).toThrow(/5xx/);
    expect(bad({ status: 200 })).toThrow(/expected HTTP 422/);
    expect(bad({ json: { error: { code: 'invalid_query', message: 'bad query' } } })).toThrow(/not Korean/);
    expect(bad({ json: { error: { code: 'invalid_query', message: '잘못' } }, upstreamCalls: 1 })).toThrow(/Iamport/);
    expect(bad({ json: { message: '잘못' } })).toThrow(/envelope/);
  });

  for (const spec of ROUTES) {
    it(`${spec.method} ${spec.route}: ${spec.runs} random requests`, () => fuzz(spec), 60_000);
  }

  const tailored = new Set(ROUTES.map((spec) => spec.route));
  for (const route of ROUTE_FILES.filter((file) => !tailored.has(file))) {
    it(`${route} (no tailored spec yet): random requests to every method`, async () => {
      const specs = genericSpecs(route, await routeModule(route));
      expect(specs.length, `${route} exports no handler`).toBeGreaterThan(0);
      for (const spec of specs) await fuzz(spec);
    }, 60_000);
  }

  describe('bodies by size (issue 10, finding 3): refused from Content-Length, read no further than the limit', () => {
    /** A body of `size` bytes in 1 KB chunks, counting what the handler pulled. */
    const countingBody = (size: number) => {
      const state = { pulled: 0 };
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const left = size - state.pulled;
          if (left <= 0) return controller.close();
          const chunk = new Uint8Array(Math.min(1024, left)).fill(0x20);
          state.pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return { state, stream };
    };
    const writes = async () =>
      (
        await Promise.all(
          ROUTE_FILES.map(async (route) =>
            Object.entries(await routeModule(route))
              .filter(([name]) => /^(POST|PUT|PATCH|DELETE)$/.test(name))
              .map(([method, handler]) => ({ route, method, handler: h(handler) })),
          ),
        )
      ).flat();
    /** Routes that read a JSON body: signed in, a body over the limit is a 413 whatever it holds. */
    const READERS = [
      'POST /api/billing-keys',
      'DELETE /api/billing-keys/[customerUid]',
      'POST /api/staff',
      'PATCH /api/staff/[userId]',
      'PUT /api/settings/security',
      'POST /api/account/password',
      'POST /api/qa/runs',
      'PUT /api/settings/channels',
      'POST /api/auth/[...all]',
    ];
    const sizes = fc.oneof(
      fc.integer({ min: 0, max: 4 * MAX_BODY_BYTES }),
      fc.integer({ min: MAX_BODY_BYTES - 8, max: MAX_BODY_BYTES + 8 }),
      fc.constantFrom(MAX_BODY_BYTES + 1, 1024 * 1024, 50 * 1024 * 1024),
    );
    const send = async (
      route: string,
      method: string,
      handler: Handler,
      size: number,
      declared: boolean,
      cookie?: string,
    ) => {
      const { state, stream } = countingBody(size);
      const headers: Record<string, string> = { host: HOST, origin: ORIGIN, 'content-type': 'application/json' };
      if (declared) headers['content-length'] = String(size);
      if (cookie) headers.cookie = cookie;
      const path =
        route === '/api/auth/[...all]' ? '/api/auth/sign-in/email' : concretePath({ route } as RouteSpec, {});
      requests++;
      const response = await handler(
        new Request(`${ORIGIN}${path}`, { method, headers, body: stream, duplex: 'half' } as RequestInit),
        { params: Promise.resolve({ customerUid: 'fuzz_size', userId: 'nobody', id: 'nobody' }) },
      );
      const pulled = state.pulled;
      const body = (await response.json().catch(() => null)) as ErrorEnvelope | null;
      return { status: response.status, body, pulled };
    };

    it('every write route, anyone calling: a declared body over the limit is a 413 in the Korean envelope, unread', async () => {
      const routes = await writes();
      expect(routes.length).toBeGreaterThan(10);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), sizes, fc.boolean(), async (route, size, signedIn) => {
          fc.pre(size > MAX_BODY_BYTES);
          const answer = await send(
            route.route,
            route.method,
            route.handler,
            size,
            true,
            signedIn ? adminCookie : undefined,
          );
          expect(answer.status, `${route.method} ${route.route} ${size} B`).toBe(413);
          expect(answer.body?.error?.code).toBe('payload_too_large');
          expect(String(answer.body?.error?.message)).toMatch(HANGUL);
          expect(answer.pulled, 'read before refusing').toBeLessThanOrEqual(2048);
        }),
        { numRuns: 300 },
      );
    }, 60_000);

    it('every write route, signed out, chunked bodies of any size: never a 5xx, never read past the limit', async () => {
      const routes = await writes();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), sizes, async (route, size) => {
          const answer = await send(route.route, route.method, route.handler, size, false);
          const what = `${route.method} ${route.route} ${size} B → ${answer.status}`;
          expect(answer.status, what).toBeLessThan(500);
          expect(answer.pulled, what).toBeLessThanOrEqual(MAX_BODY_BYTES + 4 * 1024);
          if (answer.status >= 400) expect(String(answer.body?.error?.message), what).toMatch(HANGUL);
        }),
        { numRuns: 300 },
      );
    }, 60_000);

    it('routes that read a body, signed in, chunked: over the limit is a 413 and reading stops there', async () => {
      const routes = (await writes()).filter((route) => READERS.includes(`${route.method} ${route.route}`));
      expect(routes.length).toBe(READERS.length);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...routes), sizes, async (route, size) => {
          fc.pre(size > MAX_BODY_BYTES);
          // better-auth's endpoints are fuzzed signed out (signing in again would not change anything here).
          const cookie = route.route === '/api/auth/[...all]' ? undefined : adminCookie;
          const answer = await send(route.route, route.method, route.handler, size, false, cookie);
          const what = `${route.method} ${route.route} ${size} B → ${answer.status}`;
          expect(answer.status, what).toBe(413);
          expect(answer.body?.error?.code, what).toBe('payload_too_large');
          expect(answer.pulled, what).toBeLessThanOrEqual(MAX_BODY_BYTES + 4 * 1024);
        }),
        { numRuns: 200 },
      );
    }, 60_000);
  });

  it('a NUL in the sign-in email is refused with a 4xx, not a 500 (was a bug in lib/auth/hooks.ts)', async () => {
    const spec = ROUTES.find((route) => route.route === '/api/auth/[...all]' && route.method === 'POST')!;
    const c: Case = {
      method: 'POST',
      path: '/api/auth/sign-in/email',
      query: '',
      params: {},
      body: JSON.stringify({ email: 'a\u0000@example.com', password: 'whatever it is' }),
      contentType: 'application/json',
      who: 'anonymous',
      origin: 'same',
      forwarded: {},
    };
    check(spec, c, await send(spec, c));
  });

  it('the fuzzer stayed signed in, sent at least 10,000 requests and nothing was logged as unexpected', async () => {
    const answer = await send(
      ROUTES.find((route) => route.route === '/api/account')!,
      {
        method: 'GET',
        path: '/api/account',
        query: '',
        params: {},
        who: 'admin',
        cookie: adminCookie,
        origin: 'same',
        forwarded: {},
      },
    );
    expect(answer.status).toBe(200);
    expect(requests).toBeGreaterThanOrEqual(10_000);
    // No made-up forwarded value reached the audit trail or a session.
    const db = await getDb();
    const ips = new Set((await db.select({ ip: auditEvents.ip }).from(auditEvents)).map((row) => row.ip));
    expect([...ips].filter((ip) => ip !== null && ip !== PEER)).toEqual([]);
    expect(ips.has(PEER)).toBe(true);
    const agents = await db
      .select({ userAgent: authSessions.userAgent, ip: authSessions.ipAddress })
      .from(authSessions);
    expect(agents.filter((row) => (row.userAgent?.length ?? 0) > 512 || (row.ip && row.ip !== PEER))).toEqual([]);
    expect(logLines.filter((line) => line.includes('unexpected error'))).toEqual([]);
  });
});
