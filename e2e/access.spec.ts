import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { ROLES, type Role } from '@/lib/validations/auth';
import { E2E } from './ports';

/**
 * Walks every page and API route for every role and for an anonymous visitor (docs/design.md, Roles).
 * `allow`: served (2xx, or 404/422 for the made-up ids and empty bodies used here); `deny`: 403,
 * or a redirect to /access-denied for a page; `login`: 401, or a redirect to /login for a page.
 */
type Verdict = 'allow' | 'deny' | 'login';
type Who = Role | 'anonymous';
/** `skip`: not run for that caller, with the reason beside the case. */
type Rule = Record<Who, Verdict | 'skip'>;

const everyone = (verdict: Verdict): Rule => ({
  anonymous: verdict,
  admin: verdict,
  agent: verdict,
  reviewer: verdict,
  qa: verdict,
});
const signedIn = (rule: Partial<Record<Role, Verdict>>, others: Verdict = 'deny'): Rule => ({
  anonymous: 'login',
  admin: rule.admin ?? others,
  agent: rule.agent ?? others,
  reviewer: rule.reviewer ?? others,
  qa: rule.qa ?? others,
});
const allRoles = signedIn({}, 'allow');

const UID = 'access_walk_no_such_uid';
const PAGES: Record<string, { path: string; rule: Rule }> = {
  '/': { path: '/', rule: allRoles },
  '/keys/new': { path: '/keys/new', rule: signedIn({ admin: 'allow', agent: 'allow', qa: 'allow' }) },
  '/keys': { path: '/keys', rule: signedIn({ admin: 'allow', reviewer: 'allow', qa: 'allow' }) },
  '/keys/[customerUid]': { path: `/keys/${UID}`, rule: allRoles },
  '/attempts': { path: '/attempts', rule: allRoles },
  '/reconcile': { path: '/reconcile', rule: signedIn({ admin: 'allow', reviewer: 'allow', qa: 'allow' }) },
  '/settings/staff': { path: '/settings/staff', rule: signedIn({ admin: 'allow' }) },
  '/settings/channels': { path: '/settings/channels', rule: signedIn({ admin: 'allow' }) },
  '/qa': { path: '/qa', rule: signedIn({ admin: 'allow', qa: 'allow' }) },
  '/qa/compare': { path: '/qa/compare', rule: signedIn({ admin: 'allow', qa: 'allow' }) },
  '/audit': { path: '/audit', rule: signedIn({ admin: 'allow', reviewer: 'allow' }) },
  '/settings/security': { path: '/settings/security', rule: allRoles },
  '/login': { path: '/login', rule: everyone('allow') },
  '/setup': { path: '/setup', rule: everyone('login') }, // gone once an admin exists: to /login
  '/access-denied': { path: '/access-denied', rule: everyone('allow') },
  // The benchmark's empty page (npm run bench): nothing on it, public.
  '/bench/empty': { path: '/bench/empty', rule: everyone('allow') },
  // Any other address: the console's 404 (the staff chrome's catch-all).
  '/[...missing]': { path: '/access_walk_no_such_page', rule: everyone('allow') },
  // Card-registration links: the agent's side, and the customer's public page (a made-up token).
  '/links': { path: '/links', rule: allRoles },
  '/links/new': { path: '/links/new', rule: signedIn({ admin: 'allow', agent: 'allow', qa: 'allow' }) },
  '/links/[id]': { path: '/links/00000000-0000-4000-8000-000000000000', rule: allRoles },
  '/settings/links': { path: '/settings/links', rule: signedIn({ admin: 'allow' }) },
  '/r/[token]': { path: `/r/${'x'.repeat(43)}`, rule: everyone('allow') },
};

const NO_LINK = '00000000-0000-4000-8000-000000000000';

interface ApiCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  rule: Rule;
  body?: unknown;
}
const API: Record<string, ApiCase[]> = {
  '/api/health': [{ method: 'GET', path: '/api/health', rule: everyone('allow') }],
  '/api/ready': [{ method: 'GET', path: '/api/ready', rule: everyone('allow') }],
  '/api/channels': [{ method: 'GET', path: '/api/channels', rule: allRoles }],
  '/api/billing-keys': [
    { method: 'GET', path: '/api/billing-keys', rule: signedIn({ admin: 'allow', reviewer: 'allow', qa: 'allow' }) },
    {
      method: 'POST',
      path: '/api/billing-keys',
      body: {},
      rule: signedIn({ admin: 'allow', agent: 'allow', qa: 'allow' }),
    },
  ],
  '/api/duplicate-cards': [
    {
      method: 'POST',
      path: '/api/duplicate-cards',
      body: {},
      rule: signedIn({ admin: 'allow', agent: 'allow', qa: 'allow' }),
    },
  ],
  '/api/billing-keys/[customerUid]': [
    { method: 'GET', path: `/api/billing-keys/${UID}`, rule: allRoles },
    {
      method: 'DELETE',
      path: `/api/billing-keys/${UID}`,
      body: {},
      rule: signedIn({ admin: 'allow', reviewer: 'allow', qa: 'allow' }),
    },
  ],
  '/api/billing-keys/[customerUid]/current': [
    { method: 'GET', path: `/api/billing-keys/${UID}/current`, rule: allRoles },
  ],
  '/api/billing-keys/[customerUid]/acknowledge': [
    {
      method: 'POST',
      path: `/api/billing-keys/${UID}/acknowledge`,
      rule: signedIn({ admin: 'allow', reviewer: 'allow' }),
    },
  ],
  '/api/attempts': [{ method: 'GET', path: '/api/attempts', rule: allRoles }],
  '/api/reconcile': [
    { method: 'GET', path: '/api/reconcile', rule: signedIn({ admin: 'allow', reviewer: 'allow', qa: 'allow' }) },
    { method: 'POST', path: '/api/reconcile', rule: signedIn({ admin: 'allow', reviewer: 'allow' }) },
  ],
  '/api/exports/billing-keys': [
    {
      method: 'GET',
      path: '/api/exports/billing-keys?q=access_walk',
      rule: signedIn({ admin: 'allow', reviewer: 'allow', qa: 'allow' }),
    },
  ],
  '/api/audit': [{ method: 'GET', path: '/api/audit', rule: signedIn({ admin: 'allow', reviewer: 'allow' }) }],
  '/api/exports/audit': [
    {
      method: 'GET',
      path: '/api/exports/audit?target=access_walk',
      rule: signedIn({ admin: 'allow', reviewer: 'allow' }),
    },
  ],
  '/api/staff': [
    { method: 'GET', path: '/api/staff', rule: signedIn({ admin: 'allow' }) },
    { method: 'POST', path: '/api/staff', body: {}, rule: signedIn({ admin: 'allow' }) },
  ],
  '/api/staff/[userId]': [
    { method: 'PATCH', path: '/api/staff/no-such-user', body: {}, rule: signedIn({ admin: 'allow' }) },
  ],
  '/api/settings/security': [
    { method: 'GET', path: '/api/settings/security', rule: signedIn({ admin: 'allow' }) },
    { method: 'PUT', path: '/api/settings/security', body: {}, rule: signedIn({ admin: 'allow' }) },
  ],
  // An empty body is refused (422) before anything is saved or run.
  '/api/settings/channels': [
    { method: 'GET', path: '/api/settings/channels', rule: signedIn({ admin: 'allow' }) },
    { method: 'PUT', path: '/api/settings/channels', body: {}, rule: signedIn({ admin: 'allow' }) },
  ],
  '/api/qa/runs': [
    { method: 'GET', path: '/api/qa/runs', rule: signedIn({ admin: 'allow', qa: 'allow' }) },
    { method: 'POST', path: '/api/qa/runs', body: {}, rule: signedIn({ admin: 'allow', qa: 'allow' }) },
  ],
  '/api/qa/runs/[id]': [
    {
      method: 'GET',
      path: '/api/qa/runs/00000000-0000-4000-8000-000000000000',
      rule: signedIn({ admin: 'allow', qa: 'allow' }),
    },
  ],
  '/api/account': [{ method: 'GET', path: '/api/account', rule: allRoles }],
  '/api/account/password': [{ method: 'POST', path: '/api/account/password', body: {}, rule: allRoles }],
  // Signing out everywhere would end the shared sessions of the other tests: checked signed out only.
  '/api/account/sessions': [
    {
      method: 'DELETE',
      path: '/api/account/sessions',
      rule: { anonymous: 'login', admin: 'skip', agent: 'skip', reviewer: 'skip', qa: 'skip' },
    },
  ],
  // Once an admin exists, setup is closed to everyone.
  '/api/setup': [{ method: 'POST', path: '/api/setup', body: {}, rule: everyone('deny') }],
  // better-auth's own endpoints: public by nature (signing in), each checked by better-auth.
  '/api/auth/[...all]': [{ method: 'GET', path: '/api/auth/get-session', rule: everyone('allow') }],
  // The benchmark's baseline: public; 404 unless BENCH_ROUTES=1 (unset here).
  '/api/bench/constant': [{ method: 'GET', path: '/api/bench/constant', rule: everyone('allow') }],
  '/api/links': [
    { method: 'GET', path: '/api/links', rule: allRoles },
    { method: 'POST', path: '/api/links', body: {}, rule: signedIn({ admin: 'allow', agent: 'allow', qa: 'allow' }) },
  ],
  '/api/links/[id]': [{ method: 'GET', path: `/api/links/${NO_LINK}`, rule: allRoles }],
  '/api/links/[id]/revoke': [
    {
      method: 'POST',
      path: `/api/links/${NO_LINK}/revoke`,
      rule: signedIn({ admin: 'allow', agent: 'allow', qa: 'allow' }),
    },
  ],
  '/api/links/[id]/send': [
    {
      method: 'POST',
      path: `/api/links/${NO_LINK}/send`,
      body: {},
      rule: signedIn({ admin: 'allow', agent: 'allow', qa: 'allow' }),
    },
  ],
  // The customer's submission: public, the token in the body is the credential (none here: 404).
  '/api/links/submit': [{ method: 'POST', path: '/api/links/submit', body: {}, rule: everyone('allow') }],
  '/api/settings/links': [
    { method: 'GET', path: '/api/settings/links', rule: signedIn({ admin: 'allow' }) },
    { method: 'PUT', path: '/api/settings/links', body: {}, rule: signedIn({ admin: 'allow' }) },
  ],
};

/** Every page.tsx and route.ts under app/, as its route pattern. */
function appRoutes(kind: 'page.tsx' | 'route.ts'): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === kind) {
        const route =
          '/' +
          relative('app', dir)
            .split(sep)
            .filter((part) => part && !part.startsWith('('))
            .join('/');
        found.push(route);
      }
    }
  };
  walk('app');
  return found.sort();
}

test('[ACCESS] every page and API route has an access rule in this walk', () => {
  expect(appRoutes('page.tsx')).toEqual(Object.keys(PAGES).sort());
  expect(appRoutes('route.ts')).toEqual(Object.keys(API).sort());
});

async function contextFor(who: Who): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: E2E.sandboxAppUrl,
    storageState: who === 'anonymous' ? { cookies: [], origins: [] } : E2E.storageState(who),
    maxRedirects: 0,
  });
}

function pageVerdict(status: number, location: string | undefined): Verdict | string {
  if (status === 200 || status === 404) return 'allow';
  if (status >= 300 && status < 400 && location) {
    if (location.startsWith('/login')) return 'login';
    if (location.startsWith('/access-denied')) return 'deny';
    return 'allow'; // a role's landing redirect (e.g. / → /keys)
  }
  return `HTTP ${status}`;
}

function apiVerdict(status: number): Verdict | string {
  if (status === 401) return 'login';
  if (status === 403) return 'deny';
  if ((status >= 200 && status < 300) || status === 404 || status === 422) return 'allow';
  return `HTTP ${status}`;
}

for (const who of ['anonymous', ...ROLES] as const) {
  test(`[ACCESS] pages and API as ${who}`, async () => {
    const context = await contextFor(who);
    const seen: string[] = [];
    const expected: string[] = [];
    for (const [route, { path, rule }] of Object.entries(PAGES)) {
      const response = await context.get(path);
      seen.push(`${route} → ${pageVerdict(response.status(), response.headers()['location'])}`);
      expected.push(`${route} → ${rule[who]}`);
    }
    for (const [route, cases] of Object.entries(API)) {
      for (const { method, path, body, rule } of cases) {
        if (rule[who] === 'skip') continue;
        const response = await context.fetch(path, {
          method,
          data: body,
          headers: { origin: E2E.sandboxAppUrl },
        });
        seen.push(`${method} ${route} → ${apiVerdict(response.status())}`);
        expected.push(`${method} ${route} → ${rule[who]}`);
      }
    }
    expect(seen).toEqual(expected);
    await context.dispose();
  });
}
