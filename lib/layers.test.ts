/**
 * Keeps docs/architecture.md true: every import points down the layers. A folder (or a single file
 * directly under lib/) may import only from its own layer or the ones below it, and folders of one
 * layer may not import each other both ways. A new folder fails here until it is given a layer.
 * Tests and lib/testing are exempt: a test may reach anything it exercises.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lowest first. Names are what `unitOf` returns. */
export const LAYERS: readonly (readonly string[])[] = [
  // Plain helpers with no domain knowledge.
  [
    'lib/env',
    'lib/errors',
    'lib/log',
    'lib/format',
    'lib/csv',
    'lib/card-number',
    'lib/messages',
    'lib/csp',
    'lib/json',
    'lib/lingering-close',
    'lib/free-port',
  ],
  // What the payment gateways are and need (catalog, message explanations, test cards).
  ['lib/gateways'],
  // The zod schemas the forms and the route handlers share.
  ['lib/validations'],
  // The vocabulary every layer above shares: actors, the views the API answers with.
  ['lib/model', 'lib/request-context'],
  // Adapters: storage and Iamport, which know nothing of each other.
  ['lib/db', 'lib/iamport'],
  // The one composition place: Iamport client + sandbox store + database.
  ['lib/runtime'],
  // Use cases, by domain.
  ['lib/auth', 'lib/audit', 'lib/settings', 'lib/billing-keys', 'lib/qa', 'lib/links'],
  // The HTTP edge of the server: the route wrapper and readiness.
  ['lib/api', 'lib/readiness'],
  // The browser's client of the app's API.
  ['lib/client'],
  ['components'],
  ['app'],
  // Entry points and tooling.
  [
    'scripts',
    'e2e',
    'instrumentation.ts',
    'proxy.ts',
    'next.config.js',
    'playwright.config.ts',
    'vitest.config.ts',
    'drizzle.config.ts',
    'eslint.config.mjs',
    'postcss.config.mjs',
  ],
];

const rankOf = new Map(LAYERS.flatMap((units, rank) => units.map((unit) => [unit, rank] as const)));

/** `lib/billing-keys/list.ts` → `lib/billing-keys`; `lib/env.ts` → `lib/env`; `app/x/y.tsx` → `app`. */
export function unitOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'lib') return parts.length === 1 ? path : parts[0]!;
  if (parts.length === 2) return `lib/${parts[1]!.replace(/\.(ts|tsx|mjs|js)$/, '')}`;
  return `lib/${parts[1]}`;
}

const exempt = (path: string) => /\.test\.tsx?$/.test(path) || path.startsWith('lib/testing/');

/** Where an import specifier points inside the repository, or null for a package. */
function target(from: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return normalize(join(dirname(from), specifier));
  return null;
}

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' });
  return listed.split('\n').filter((path) => /\.(ts|tsx|mjs|js)$/.test(path) && !path.startsWith('node_modules/'));
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Edge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

function edges(): Edge[] {
  const found: Edge[] = [];
  for (const file of sourceFiles()) {
    if (exempt(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      const path = target(file, specifier);
      if (!path) continue;
      const from = unitOf(file);
      const to = unitOf(path);
      if (from !== to) found.push({ from, to, file, specifier });
    }
  }
  return found;
}

describe('layers (docs/architecture.md)', () => {
  const all = edges();

  it('finds the imports it judges (a control: the app imports lib/, lib/ imports lib/)', () => {
    expect(all.some((edge) => edge.from === 'app' && edge.to.startsWith('lib/'))).toBe(true);
    expect(all.some((edge) => edge.from === 'lib/billing-keys' && edge.to === 'lib/db')).toBe(true);
  });

  it('gives every folder a layer', () => {
    const units = new Set(all.flatMap((edge) => [edge.from, edge.to]));
    expect([...units].filter((unit) => !rankOf.has(unit)).sort()).toEqual([]);
  });

  it('has no import pointing up', () => {
    const upward = all
      .filter((edge) => (rankOf.get(edge.from) ?? 0) < (rankOf.get(edge.to) ?? 0))
      .map((edge) => `${edge.file} imports ${edge.specifier} (${edge.from} is below ${edge.to})`);
    expect(upward).toEqual([]);
  });

  it('has no two folders of one layer importing each other', () => {
    const pairs = new Set(all.map((edge) => `${edge.from} -> ${edge.to}`));
    const cycles = [...pairs].filter((pair) => {
      const [from, to] = pair.split(' -> ') as [string, string];
      return rankOf.get(from) === rankOf.get(to) && pairs.has(`${to} -> ${from}`);
    });
    expect(cycles.sort()).toEqual([]);
  });

  it('writes queries only in storage, composition and the use cases (docs/architecture.md, "Where SQL lives")', () => {
    // A value import of drizzle-orm or of the schema's tables is what writing a query takes; row types are vocabulary.
    const QUERY_IMPORT =
      /(?:^|\n)\s*import\s+(?!type\b)[^'"]*?from\s+['"](drizzle-orm(?:\/[^'"]*)?|@\/lib\/db\/schema)['"]/;
    const mayQuery = new Set([
      'lib/db',
      'lib/runtime',
      ...LAYERS[rankOf.get('lib/billing-keys')!]!,
      'lib/readiness',
      'scripts',
    ]);
    const querying = sourceFiles().filter((file) => !exempt(file) && QUERY_IMPORT.test(readFileSync(file, 'utf8')));
    expect(querying.some((file) => file.startsWith('lib/billing-keys/'))).toBe(true);
    expect(querying.filter((file) => !mayQuery.has(unitOf(file)))).toEqual([]);
  });

  it("keeps a page's _components/ to the pages below its folder (a shared piece moves to components/)", () => {
    const crossings = edges()
      .concat(sameUnitAppImports())
      .filter((edge) => edge.from === 'app' || edge.file.startsWith('app/'))
      .flatMap((edge) => {
        const path = target(edge.file, edge.specifier) ?? '';
        const owner = path.split('/_components/')[0];
        if (!path.includes('/_components/') || !owner) return [];
        return edge.file.startsWith(`${owner}/`) ? [] : [`${edge.file} imports ${edge.specifier}`];
      });
    expect(crossings).toEqual([]);
  });
});

/** Imports between files of the app itself (one unit, so `edges` leaves them out). */
function sameUnitAppImports(): Edge[] {
  const found: Edge[] = [];
  for (const file of sourceFiles()) {
    if (exempt(file) || !file.startsWith('app/')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (target(file, specifier)?.startsWith('app/')) found.push({ from: 'app', to: 'app', file, specifier });
    }
  }
  return found;
}
