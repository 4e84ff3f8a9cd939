import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, authUsers, billingKeys, type NewBillingKeyRow } from '@/lib/db/schema';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { parseBillingKeyFilters, SORT_FIELDS, type BillingKeyFilters } from '@/lib/validations/billing-key-filters';
import { billingKeyBatches, billingKeysCsvStream, exportBillingKeys, exportFilename, type ExportRow } from './export';
import { formatKst } from '@/lib/format';
import { withFailingAudit } from '@/lib/testing/audit';
import { listBillingKeys } from './list';
import { rejection } from '@/lib/testing/errors';

const filters = (query: Record<string, string> = {}): BillingKeyFilters => {
  const parsed = parseBillingKeyFilters(query);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.filters;
};

const NAMES = ['김민준', '이서연', null, '박지훈', '=HYPERLINK("http://evil")', '최, "하은"', null, '정우진'];

/** 24 keys; several share an issued_at to the microsecond's neighbour, so a millisecond cursor would skip rows. */
function rows(): NewBillingKeyRow[] {
  return Array.from({ length: 24 }, (_, i) => {
    const at = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3)));
    return {
      customerUid: `exp-${String(i).padStart(2, '0')}`,
      pgProvider: i % 2 ? 'kcp' : 'nice',
      pgId: i % 2 ? 'BA001' : 'nictest04m',
      sandbox: i % 5 === 0 ? null : i % 2 === 0,
      appMode: 'sandbox',
      cardName: i % 4 === 3 ? null : ['KB국민카드', '신한카드', '삼성카드'][i % 3],
      cardCode: '381',
      cardNumberMasked: `52728927****${String(1000 + i)}`,
      cardLast4: String(1000 + i),
      cardType: i % 3 === 2 ? null : i % 3,
      customerName: NAMES[i % NAMES.length] ?? null,
      customerTel: i === 7 ? '+82-10-1234-5678' : '010-1234-5678',
      iamportInsertedAt: at,
      iamportUpdatedAt: at,
      issuedAt: at,
      updatedAt: at,
      status: i % 6 === 5 ? 'deleted' : 'active',
      deletedAt: i % 6 === 5 ? new Date(at.getTime() + 90_061_000) : null,
    };
  });
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('CSV file', () => {
  it('names the file after the KST minute', () => {
    expect(exportFilename(new Date('2026-01-31T15:05:59Z'))).toBe('billing-keys-20260201-0005.csv');
  });
});

describe.each(testEngines())('billing-key export on $name', (engine) => {
  const handle = suiteDatabase(engine, {
    seed: async () => {
      await handle.db.insert(billingKeys).values(rows());
      // Microseconds apart: keys 00..02 share a millisecond but not a microsecond.
      for (const [uid, micros] of [
        ['exp-00', 1],
        ['exp-01', 2],
        ['exp-02', 3],
      ] as const) {
        await handle.db
          .update(billingKeys)
          .set({ issuedAt: sql`${`2026-01-01 00:00:00.00000${micros}+00`}::timestamptz` })
          .where(eq(billingKeys.customerUid, uid));
      }
    },
  });

  const allListed = async (query: Record<string, string>) =>
    (await listBillingKeys(filters({ ...query, page_size: '200' }), { db: handle.db })).rows.map(
      (row) => row.customerUid,
    );

  it.each(SORT_FIELDS.flatMap((sort) => [[sort, 'asc'] as const, [sort, 'desc'] as const]))(
    'walks every row once, in the list order, by %s %s in batches of 2',
    async (sort, order) => {
      const seen: string[] = [];
      for await (const batch of billingKeyBatches(handle.db, filters({ sort, order }), 2)) {
        expect(batch.length).toBeLessThanOrEqual(2);
        seen.push(...batch.map((row) => row.customerUid));
        // A cursor that loses precision repeats rows forever; stop and fail instead of hanging.
        if (seen.length > 48) break;
      }
      expect(seen).toHaveLength(24);
      expect(seen).toEqual(await allListed({ sort, order }));
    },
  );

  it('writes every time in KST exactly as the app shows it', async () => {
    const listed = (await listBillingKeys(filters({ page_size: '200' }), { db: handle.db })).rows;
    const exported = new Map<string, ExportRow>();
    for await (const batch of billingKeyBatches(handle.db, filters(), 7))
      for (const row of batch) exported.set(row.customerUid, row);
    for (const row of listed) {
      expect(exported.get(row.customerUid)).toMatchObject({
        issuedAtKst: formatKst(row.issuedAt),
        updatedAtKst: formatKst(row.updatedAt),
        deletedAtKst: row.deletedAt ? formatKst(row.deletedAt) : null,
        cardType: row.cardType,
        sandbox: row.sandbox,
        status: row.status,
      });
    }
  });

  it('keeps to the filter', async () => {
    const seen: string[] = [];
    for await (const batch of billingKeyBatches(handle.db, filters({ pg: 'kcp', status: 'active' }), 4)) {
      seen.push(...batch.map((row) => row.customerUid));
    }
    expect(seen).toEqual(await allListed({ pg: 'kcp', status: 'active' }));
    expect(seen.length).toBeGreaterThan(0);
  });

  it('streams a UTF-8 CSV with a BOM, a header, quoted cells and defused formulas', async () => {
    const bytes = await bytesOf(billingKeysCsvStream(handle.db, filters({ q: 'exp-0' }), 3));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(
      /^고객 결제수단 ID \(customer_uid\),카드사,카드사 코드,카드번호 \(마스킹\),신용\/체크,PG사/,
    );
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + 10 + 1);
    const exp04 = lines.find((line) => line.startsWith('exp-04,'));
    expect(exp04).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(exp04).toContain('52728927****1004');
    expect(lines.find((line) => line.startsWith('exp-05,'))).toContain('"최, ""하은"""');
    expect(lines.find((line) => line.startsWith('exp-07,'))).toContain("'+82-10-1234-5678");
    expect(lines.find((line) => line.startsWith('exp-05,'))).toContain(',삭제됨,');
    expect(lines.find((line) => line.startsWith('exp-00,'))).toContain('2026-01-01 09:00:00 KST');
  });

  it('names who issued and who deleted by email, an account no longer there as 삭제된 계정 with its id', async () => {
    await handle.db
      .insert(authUsers)
      .values({ id: 'agent-1', name: '상담원', email: 'agent.one@example.com', role: 'agent' });
    await handle.db
      .update(billingKeys)
      .set({ issuedBy: 'agent-1', deletedBy: 'gone-1' })
      .where(eq(billingKeys.customerUid, 'exp-05'));
    await handle.db.update(billingKeys).set({ issuedBy: 'gone-1' }).where(eq(billingKeys.customerUid, 'exp-06'));
    try {
      const bytes = await bytesOf(billingKeysCsvStream(handle.db, filters({ q: 'exp-0' }), 3));
      const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
      expect(lines[0]).toMatch(/,발급 시각 \(KST\),발급자,수정 시각 \(KST\),삭제 시각 \(KST\),삭제한 사람,삭제 사유$/);
      expect(lines.find((line) => line.startsWith('exp-05,'))).toMatch(
        /,2026-01-02 09:00:00 KST,agent\.one@example\.com,2026-01-02 09:00:00 KST,2026-01-03 10:01:01 KST,삭제된 계정 \(gone-1\),$/,
      );
      expect(lines.find((line) => line.startsWith('exp-06,'))).toMatch(
        /,2026-01-03 09:00:00 KST,삭제된 계정 \(gone-1\),2026-01-03 09:00:00 KST,,,$/,
      );
      // Nobody recorded (keys issued before staff accounts existed): the cells stay empty.
      expect(lines.find((line) => line.startsWith('exp-04,'))).toMatch(
        /,2026-01-02 09:00:00 KST,,2026-01-02 09:00:00 KST,,,$/,
      );
    } finally {
      await handle.db.update(billingKeys).set({ issuedBy: null, deletedBy: null });
      await handle.db.delete(authUsers).where(eq(authUsers.id, 'agent-1'));
    }
  });

  it('exports nothing when the audit event cannot be written', async () => {
    const error = await rejection(
      exportBillingKeys(filters(), { actor: null, ip: null }, { db: withFailingAudit(handle.db) }),
    );
    expect(error.code).toBe('audit_unavailable');
  });

  it('records the export with its filter in the audit trail', async () => {
    const result = await exportBillingKeys(
      filters({ pg: 'nice', card_type: 'credit' }),
      { actor: null, ip: '203.0.113.9' },
      { db: handle.db, now: new Date('2026-02-01T00:00:00Z') },
    );
    expect(result.filename).toBe('billing-keys-20260201-0900.csv');
    const text = new TextDecoder().decode(await bytesOf(result.stream));
    expect(text.split('\r\n').filter(Boolean).length).toBe(
      1 + (await allListed({ pg: 'nice', card_type: 'credit' })).length,
    );
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'billing_keys.export'));
    expect(event).toMatchObject({
      actorId: null,
      ip: '203.0.113.9',
      result: 'success',
      targetType: 'billing_keys',
      details: {
        format: 'csv',
        filename: 'billing-keys-20260201-0900.csv',
        filter: { pg: 'nice', card_type: 'credit', sort: 'issued_at', order: 'desc' },
      },
    });
  });
});
