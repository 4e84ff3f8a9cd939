/**
 * Seeds a store with realistic billing keys and issuance attempts for benchmarks (deterministic).
 *   node --conditions=react-server --import tsx scripts/seed-keys.ts (--data-dir DIR | --pg URL) [--keys N] [--attempts N] [--no-analyze]
 * `npm run bench:keys` runs it in a child process of its own, so seeding memory is not counted.
 */
import { parseArgs } from 'node:util';
import { getTableColumns, sql } from 'drizzle-orm';
import { openPglite, openPostgres, type DbHandle } from '../lib/db/client';
import { billingKeys, issueAttempts, type NewBillingKeyRow } from '../lib/db/schema';

type NewAttempt = typeof issueAttempts.$inferInsert;

/** mulberry32: a small seeded PRNG, so every run seeds the same rows and the bench can name them. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** PG channels: test MIDs are sandbox channels. Weighted by how often merchants use them. */
export const CHANNELS = [
  { provider: 'nice', mid: 'nictest04m', test: true, weight: 12 },
  { provider: 'nice', mid: 'iamport00m', test: false, weight: 18 },
  { provider: 'nice_v2', mid: 'nictest00m', test: true, weight: 4 },
  { provider: 'kcp', mid: 'BA001', test: true, weight: 8 },
  { provider: 'kcp', mid: 'IP0XC', test: false, weight: 16 },
  { provider: 'tosspayments', mid: 'tosstest', test: true, weight: 5 },
  { provider: 'tosspayments', mid: 'iamportmid', test: false, weight: 14 },
  { provider: 'ksnet', mid: '2999199999', test: true, weight: 3 },
  { provider: 'welcome', mid: 'welcometst', test: true, weight: 3 },
  { provider: 'welcome', mid: 'wpcrdot300', test: false, weight: 7 },
  { provider: 'daou', mid: 'CTS16287', test: false, weight: 5 },
  { provider: 'settle', mid: 'nxca_jt_il', test: true, weight: 5 },
] as const;

export const CARDS = [
  { bin: '527289', code: '381', name: 'KB국민카드', type: 1 },
  { bin: '451842', code: '366', name: '신한카드', type: 0 },
  { bin: '531070', code: '365', name: '삼성카드', type: 0 },
  { bin: '404825', code: '367', name: '현대카드', type: 0 },
  { bin: '540926', code: '368', name: '롯데카드', type: 0 },
  { bin: '461954', code: '374', name: '하나카드', type: null },
  { bin: '942090', code: '361', name: 'BC카드', type: 0 },
  { bin: '524353', code: '371', name: 'NH농협카드', type: 1 },
  { bin: '515594', code: '041', name: '우리카드', type: 0 },
  { bin: '356900', code: '370', name: '씨티카드', type: 0 },
  { bin: '621059', code: '369', name: '수협카드', type: 1 },
] as const;

const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
  '권',
  '황',
  '안',
  '송',
  '류',
  '전',
];
const SURNAMES_ROMAN = [
  'kim',
  'lee',
  'park',
  'choi',
  'jung',
  'kang',
  'cho',
  'yoon',
  'jang',
  'lim',
  'han',
  'oh',
  'seo',
  'shin',
  'kwon',
  'hwang',
  'ahn',
  'song',
  'ryu',
  'jeon',
];
const GIVEN = [
  '민준',
  '서연',
  '도윤',
  '서윤',
  '시우',
  '지우',
  '하준',
  '하은',
  '주원',
  '민서',
  '지호',
  '지유',
  '예준',
  '윤서',
  '유준',
  '채원',
  '준우',
  '수아',
  '건우',
  '지민',
  '현우',
  '다은',
  '선우',
  '예은',
  '연우',
  '소율',
  '정우',
  '예린',
  '승우',
  '수빈',
];
const GIVEN_ROMAN = [
  'minjun',
  'seoyeon',
  'doyun',
  'seoyun',
  'siu',
  'jiu',
  'hajun',
  'haeun',
  'juwon',
  'minseo',
  'jiho',
  'jiyu',
  'yejun',
  'yunseo',
  'yujun',
  'chaewon',
  'junu',
  'sua',
  'geonu',
  'jimin',
  'hyeonu',
  'daeun',
  'seonu',
  'yeeun',
  'yeonu',
  'soyul',
  'jeongu',
  'yerin',
  'seungu',
  'subin',
];
const DOMAINS = ['naver.com', 'gmail.com', 'daum.net', 'kakao.com', 'hanmail.net', 'example.co.kr'];
export const ISSUERS = Array.from({ length: 24 }, (_, i) => `staff-${String(i + 1).padStart(2, '0')}`);
const DELETE_REASONS = ['고객 요청', '카드 분실', '해지', '중복 발급', '테스트 정리'];
const DAY = 24 * 60 * 60 * 1000;

/** The seeded `now`, fixed so the bench's date filters hit the same rows on every run. */
export const SEED_NOW = new Date('2026-11-01T00:00:00Z');

export function customerUidOf(index: number): string {
  return `cust_${String(index).padStart(6, '0')}_card${index % 3}`;
}

function keyRow(index: number, random: () => number): NewBillingKeyRow {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const totalWeight = CHANNELS.reduce((sum, channel) => sum + channel.weight, 0);
  let roll = random() * totalWeight;
  const channel = CHANNELS.find((candidate) => (roll -= candidate.weight) < 0) ?? CHANNELS[0];
  const card = pick(CARDS);
  const last4 = String(Math.floor(random() * 10_000)).padStart(4, '0');
  const masked =
    channel.provider === 'kcp' || channel.provider === 'ksnet'
      ? `${card.bin}******${last4}`
      : `${card.bin}${String(Math.floor(random() * 100)).padStart(2, '0')}****${last4}`;
  const surname = Math.floor(random() * SURNAMES.length);
  const given = Math.floor(random() * GIVEN.length);
  const telRoll = random();
  const mobile = `010-${String(Math.floor(random() * 10_000)).padStart(4, '0')}-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
  const tel =
    telRoll < 0.7
      ? mobile
      : telRoll < 0.85
        ? mobile.replace(/-/g, '')
        : telRoll < 0.95
          ? `02-${300 + Math.floor(random() * 700)}-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`
          : null;
  const email =
    random() < 0.9
      ? `${GIVEN_ROMAN[given]}.${SURNAMES_ROMAN[surname]}${Math.floor(random() * 1000)}@${pick(DOMAINS)}`
      : null;
  const issuedAt = new Date(SEED_NOW.getTime() - Math.floor(random() * 730 * DAY));
  const updatedAt = new Date(Math.min(SEED_NOW.getTime(), issuedAt.getTime() + Math.floor(random() * 60 * DAY)));
  const deleted = random() < 0.05;
  const issuedBy = random() < 0.85 ? pick(ISSUERS) : null;
  const cardType = random() < 0.1 ? null : card.type;
  return {
    customerUid: customerUidOf(index),
    pgProvider: channel.provider,
    pgId: channel.mid,
    sandbox: random() < 0.02 ? null : channel.test,
    appMode: channel.test ? 'sandbox' : 'live',
    cardName: card.name,
    cardCode: card.code,
    cardNumberMasked: masked,
    cardLast4: last4,
    cardType,
    customerId: random() < 0.3 ? `member-${index}` : null,
    customerName: random() < 0.97 ? `${SURNAMES[surname]}${GIVEN[given]}` : null,
    customerTel: tel,
    customerEmail: email,
    channelKey: `channel-key-${channel.provider}-${channel.mid}`,
    iamportInsertedAt: issuedAt,
    iamportUpdatedAt: updatedAt,
    issuedAt,
    updatedAt,
    issuedBy,
    status: deleted ? 'deleted' : 'active',
    deletedAt: deleted ? updatedAt : null,
    deletedBy: deleted ? pick(ISSUERS) : null,
    deleteReason: deleted ? pick(DELETE_REASONS) : null,
  };
}

function attemptRow(key: NewBillingKeyRow, random: () => number): NewAttempt {
  const roll = random();
  const outcome = roll < 0.8 ? 'issued' : roll < 0.95 ? 'rejected' : roll < 0.97 ? 'unknown' : 'failed';
  const startedAt = new Date((key.issuedAt as Date).getTime() - Math.floor(random() * 3 * DAY));
  const durationMs = 200 + Math.floor(random() * 2500);
  const pgCode = outcome === 'rejected' ? `F${100 + Math.floor(random() * 30)}` : null;
  return {
    customerUid: key.customerUid,
    requestedPg: `${key.pgProvider}.${key.pgId}`,
    pgProvider: key.pgProvider,
    pgId: key.pgId,
    appMode: key.appMode,
    outcome,
    errorCode:
      outcome === 'issued'
        ? null
        : outcome === 'rejected'
          ? 'card_rejected'
          : outcome === 'unknown'
            ? 'outcome_unknown'
            : 'upstream_unavailable',
    iamportCode: outcome === 'issued' ? 0 : outcome === 'rejected' ? 1 : null,
    iamportMessage: pgCode ? `[${pgCode}] 카드 승인 거절` : null,
    pgCode,
    replaced: outcome === 'issued' ? random() < 0.1 : null,
    durationMs,
    actorId: key.issuedBy,
    startedAt,
    finishedAt: new Date(startedAt.getTime() + durationMs),
  };
}

/**
 * Secondary indexes of the seeded tables, as the migrations made them. Bulk loading without them and
 * building each once afterwards is many times faster than growing four trigram GIN indexes row by row.
 */
async function secondaryIndexes(handle: DbHandle): Promise<{ name: string; definition: string }[]> {
  const result = await handle.db.execute<{ indexname: string; indexdef: string }>(sql`
    select i.indexname, i.indexdef from pg_indexes i
    join pg_class c on c.relname = i.indexname
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename in ('billing_keys', 'issue_attempts')
      and not x.indisprimary and not x.indisunique`);
  return result.rows.map((row) => ({ name: row.indexname, definition: row.indexdef }));
}

/**
 * One statement per batch with the rows as a single JSON parameter: far cheaper than thousands of
 * bind parameters, on PGlite above all. Every row must carry the same keys.
 */
async function insertJson(handle: DbHandle, table: typeof billingKeys | typeof issueAttempts, rows: object[]) {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(first);
  const names = keys.map((key) => columns[key]?.name ?? key);
  const json = JSON.stringify(
    rows.map((row) => {
      const record = row as Record<string, unknown>;
      return Object.fromEntries(
        keys.map((key, i) => [
          names[i],
          record[key] instanceof Date ? (record[key] as Date).toISOString() : (record[key] ?? null),
        ]),
      );
    }),
  );
  const list = sql.raw(names.map((name) => `"${name}"`).join(', '));
  await handle.db.execute(
    sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${json}::json)`,
  );
}

/** Inserts `keys` billing keys and `attempts` attempts (spread over the keys) in multi-row batches. */
export async function seedKeys(
  handle: DbHandle,
  keys: number,
  attempts: number,
  log = (line: string) => console.log(line),
) {
  const random = prng(20_261_101);
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  const indexes = await secondaryIndexes(handle);
  for (const index of indexes) await handle.db.execute(sql.raw(`drop index "${index.name}"`));
  const rows: NewBillingKeyRow[] = [];
  for (let i = 0; i < keys; i += 5000) {
    const chunk = Array.from({ length: Math.min(5000, keys - i) }, (_, j) => keyRow(i + j, random));
    await insertJson(handle, billingKeys, chunk);
    rows.push(...chunk);
  }
  log(`  ${keys} keys (${elapsed()})`);
  for (let i = 0; i < attempts; i += 5000) {
    const chunk = Array.from({ length: Math.min(5000, attempts - i) }, () =>
      attemptRow(rows[Math.floor(random() * rows.length)] as NewBillingKeyRow, random),
    );
    await insertJson(handle, issueAttempts, chunk);
  }
  log(`  ${attempts} attempts (${elapsed()})`);
  for (const index of indexes) await handle.db.execute(sql.raw(index.definition));
  log(`  ${indexes.length} indexes rebuilt (${elapsed()})`);
  return Math.round(performance.now() - started);
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      pg: { type: 'string' },
      keys: { type: 'string', default: '100000' },
      attempts: { type: 'string', default: '300000' },
      'no-analyze': { type: 'boolean', default: false },
    },
  });
  if (!values['data-dir'] === !values.pg) throw new Error('give exactly one of --data-dir DIR or --pg URL');
  const handle = values.pg ? await openPostgres(values.pg) : await openPglite(values['data-dir'] ?? null);
  try {
    const ms = await seedKeys(handle, Number(values.keys), Number(values.attempts));
    console.log(`seeded ${values.keys} keys and ${values.attempts} attempts on ${handle.engine} in ${ms} ms`);
    if (!values['no-analyze']) {
      const analyzing = performance.now();
      await handle.db.execute(sql`vacuum analyze billing_keys`);
      await handle.db.execute(sql`vacuum analyze issue_attempts`);
      console.log(`vacuum analyze in ${Math.round(performance.now() - analyzing)} ms`);
    }
  } finally {
    await handle.close();
  }
}

if (process.argv[1]?.endsWith('seed-keys.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
