import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '@/lib/db/schema';
import { suiteDatabase, testEngines } from '@/lib/testing/db';
import { AUDIT_EXPORT_BATCH_SIZE, auditCsvStream, exportAuditEvents } from './export';
import { auditEventBatches } from './query';
import { SEEDS_NEWEST_FIRST, seedAuditEvents, withFailingAudit, type SeedName } from '@/lib/testing/audit';
import { rejection } from '@/lib/testing/errors';

const HEADER = '시각 (KST),수행자,수행자 ID,작업,작업 코드,대상 종류,대상,대상 ID,결과,IP,내용 (JSON),이벤트 ID';
const BULK = 2 * AUDIT_EXPORT_BATCH_SIZE + 50;

async function csvText(stream: ReadableStream<Uint8Array>): Promise<{ bom: number[]; lines: string[] }> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { bom: [...bytes.slice(0, 3)], lines: text.slice(1).split('\r\n') };
}

describe.each(testEngines())('audit export on $name', (engine) => {
  let ids: Record<SeedName, number>;

  const handle = suiteDatabase(engine, {
    seed: async () => {
      ids = await seedAuditEvents(handle.db);
      // More than two export batches; three events share each second, so batch edges fall inside ties.
      await handle.db.insert(auditEvents).values(
        Array.from({ length: BULK }, (_, i) => ({
          at: new Date(Date.UTC(2025, 5, 1) + Math.floor(i / 3) * 1000),
          action: 'bulk.test',
          result: 'success' as const,
          targetType: 'billing_key',
          targetId: `bulk-${i}`,
        })),
      );
    },
  });

  const lineOf = (lines: string[], name: SeedName) => lines.find((line) => line.endsWith(`,${ids[name]}`));

  it('writes a UTF-8 CSV with a BOM, a header, every event newest first, quoted cells and defused formulas', async () => {
    const { bom, lines } = await csvText(auditCsvStream(handle.db, { from: '2026-01-01' }, 4));
    expect(bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(lines[0]).toBe(HEADER);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1).map((line) => Number(line.split(',').at(-1)))).toEqual(
      SEEDS_NEWEST_FIRST.map((name) => ids[name]),
    );

    expect(lineOf(lines, 'kimIssue')).toBe(
      '2026-01-31 23:59:59 KST,Kim.Agent@Example.com,u-kim,빌링키 발급,billing_key.issue,billing_key,cust_001,cust_001,성공,203.0.113.2,' +
        `"{""pgProvider"":""nice"",""cardNumberMasked"":""527289******0004""}",${ids.kimIssue}`,
    );
    // A formula typed into the sign-in form stays text.
    expect(lineOf(lines, 'formulaSignIn')).toMatch(
      /^2026-02-01 12:00:00 KST,"'=HYPERLINK\(""http:\/\/evil""\)",,로그인,sign_in,,,,거부,198\.51\.100\.7,/,
    );
    expect(lineOf(lines, 'systemRecovery')).toMatch(
      /^2026-02-01 12:00:00 KST,시스템,,빌링키 발급,billing_key\.issue,billing_key,cust_002,cust_002,성공,,/,
    );
    expect(lineOf(lines, 'anonymousSetup')).toMatch(
      /^2026-01-29 09:00:00 KST,알 수 없음,,직원 계정 생성,staff\.create,staff,삭제된 계정 \(u-first\),u-first,성공,198\.51\.100\.8,/,
    );
    // A staff target by the account's email, the id beside it.
    expect(lineOf(lines, 'staffUpdate')).toMatch(
      /^2026-02-02 09:00:00 KST,admin1000@example\.com,u-admin,직원 계정 변경,staff\.update,staff,kim\.agent@example\.com,u-kim,성공,/,
    );
    // jsonb keeps keys shortest first; the JSON's own quotes are doubled inside the quoted cell.
    expect(lineOf(lines, 'reviewerDelete')).toContain(
      ',실패,203.0.113.3,"{""error"":""upstream_unavailable"",""reason"":""고객 요청, \\""해지\\""""}",',
    );
  });

  it('keeps to the filter', async () => {
    const { lines } = await csvText(auditCsvStream(handle.db, { action: 'billing_key.issue', target: 'cust_001' }));
    expect(lines).toEqual([HEADER, lineOf(lines, 'kimIssue'), '']);
  });

  it('walks more events than a batch holds, in order, each once', async () => {
    const seen: number[] = [];
    let batches = 0;
    for await (const batch of auditEventBatches(handle.db, { action: 'bulk.test' }, 7)) {
      batches += 1;
      expect(batch.length).toBeLessThanOrEqual(7);
      seen.push(...batch.map((event) => event.id));
      if (seen.length > BULK * 2) break; // a cursor that loses its place repeats forever
    }
    expect(batches).toBe(Math.ceil(BULK / 7));
    expect(new Set(seen).size).toBe(BULK);
    const expected = await handle.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'bulk.test'))
      .orderBy(sql`${auditEvents.at} desc, ${auditEvents.id} desc`);
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it('streams an export of more rows than one batch, a chunk per batch', async () => {
    const reader = auditCsvStream(handle.db, { action: 'bulk.test' }).getReader();
    const chunks: string[] = [];
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value));
    }
    // Header, then ceil(2050 / 1000) = 3 batches.
    expect(chunks.map((chunk) => chunk.split('\r\n').length - 1)).toEqual([
      1,
      AUDIT_EXPORT_BATCH_SIZE,
      AUDIT_EXPORT_BATCH_SIZE,
      50,
    ]);
    const ids = chunks
      .slice(1)
      .join('')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => Number(line.split(',').at(-1)));
    expect(new Set(ids).size).toBe(BULK);
  });

  it('exports nothing when its own audit event cannot be written', async () => {
    const error = await rejection(
      exportAuditEvents({}, { actor: null, ip: null }, { db: withFailingAudit(handle.db) }),
    );
    expect(error.code).toBe('audit_unavailable');
  });

  it('records every export, with its filter, in the audit trail', async () => {
    const result = await exportAuditEvents(
      { action: 'billing_key.issue', actor: 'kim' },
      { actor: { id: 'u-rev', email: 'reviewer@example.com', role: 'reviewer' }, ip: '203.0.113.9' },
      { db: handle.db, now: new Date('2026-02-01T00:00:00Z') },
    );
    expect(result.filename).toBe('audit-events-20260201-0900.csv');
    const { lines } = await csvText(result.stream);
    expect(lines).toEqual([HEADER, lineOf(lines, 'kimIssue'), '']);
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.export'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: 'u-rev',
      actorEmail: 'reviewer@example.com',
      ip: '203.0.113.9',
      result: 'success',
      targetType: 'audit_events',
      details: {
        format: 'csv',
        filename: 'audit-events-20260201-0900.csv',
        filter: { action: 'billing_key.issue', actor: 'kim' },
      },
    });
  });
});
