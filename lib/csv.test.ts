import { describe, expect, it } from 'vitest';
import { formatKst } from '@/lib/format';
import { csvCell, csvDownloadHeaders, csvLine, csvStream, datedCsvFilename, fastKst, type CsvColumn } from './csv';

interface Row {
  name: string | null;
  note: string;
}

const COLUMNS: readonly CsvColumn<Row>[] = [
  { header: '이름', value: (row) => row.name },
  { header: 'note, quoted', value: (row) => row.note },
];

describe('csv cells', () => {
  it.each([
    [null, ''],
    ['', ''],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+82-10', "'+82-10"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a=b', 'a=b'],
    ['김민준', '김민준'],
  ])('csvCell(%j) = %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('joins a line with commas and ends it with CRLF', () => {
    expect(csvLine(['a', null, '=b'])).toBe("a,,'=b\r\n");
    expect(csvLine(['a', null, 'b'])).toBe('a,,b\r\n');
  });

  it.each(['2026-01-31T15:05:59.123Z', '1999-12-31T23:59:59Z', '2024-02-28T15:00:00Z'])(
    'fastKst(%s) matches formatKst',
    (iso) => {
      expect(fastKst(iso)).toBe(formatKst(iso));
    },
  );

  it('stamps a filename with the KST minute', () => {
    expect(datedCsvFilename('audit-events', new Date('2026-01-31T15:05:59Z'))).toBe('audit-events-20260201-0005.csv');
  });

  it('sends a download that is never cached', () => {
    expect(csvDownloadHeaders('x-20260101-0000.csv')).toMatchObject({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="x-20260101-0000.csv"',
      'Cache-Control': 'no-store',
    });
  });
});

describe('csvStream', () => {
  it('writes a BOM and the header, then one chunk per batch, never more than one batch ahead of the reader', async () => {
    let pulled = 0;
    async function* batches() {
      for (const batch of [
        [{ name: '김', note: '=x' }],
        [
          { name: null, note: 'a,b' },
          { name: 'c', note: 'd' },
        ],
      ] as Row[][]) {
        pulled += 1;
        yield batch;
      }
    }
    const reader = csvStream(COLUMNS, batches).getReader();
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const first = await reader.read();
    expect(pulled).toBeLessThanOrEqual(1);
    expect([...(first.value ?? []).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decoder.decode(first.value)).toBe('\uFEFF이름,"note, quoted"\r\n');
    expect(decoder.decode((await reader.read()).value)).toBe("김,'=x\r\n");
    expect(pulled).toBeLessThanOrEqual(2);
    expect(decoder.decode((await reader.read()).value)).toBe(',"a,b"\r\nc,d\r\n');
    expect((await reader.read()).done).toBe(true);
  });

  it('closes the batch source when the reader cancels', async () => {
    let closed = false;
    async function* batches() {
      try {
        for (;;) yield [{ name: 'x', note: 'y' }];
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(COLUMNS, batches).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });
});
