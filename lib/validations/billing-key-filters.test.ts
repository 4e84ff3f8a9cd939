import { describe, expect, it } from 'vitest';
import {
  type BillingKeyFilters,
  filterOnly,
  filtersToSearchParams,
  kstDayEnd,
  kstDayStart,
  normalizeQuery,
  parseBillingKeyFilters,
} from './billing-key-filters';
import { isCalendarDate } from './query';

const ok = (query: Record<string, string | string[] | undefined> | URLSearchParams) => {
  const result = parseBillingKeyFilters(query);
  if (!result.success) throw new Error(result.message);
  return result.filters;
};

const failure = (query: Record<string, string>) => {
  const result = parseBillingKeyFilters(query);
  if (result.success) throw new Error(`expected ${JSON.stringify(query)} to be refused`);
  return result;
};
type Param = keyof ReturnType<typeof failure>['fields'];

describe('parseBillingKeyFilters', () => {
  it('gives the defaults for an empty query', () => {
    expect(ok({})).toEqual({ sort: 'issued_at', order: 'desc', page: 1, page_size: 50 });
  });

  it('reads every filter, trims, and drops blank GET-form fields', () => {
    // Read as they are given; q, page and page_size are read differently.
    const asGiven: Omit<BillingKeyFilters, 'q' | 'page' | 'page_size'> = {
      pg: 'nice',
      mid: 'nictest04m',
      card: '381',
      card_type: 'unknown',
      env: 'test',
      status: 'deleted',
      from: '2026-01-01',
      to: '2026-01-31',
      issued_by: 'agent-1',
      sort: 'customer_name',
      order: 'asc',
    };
    expect(ok({ ...asGiven, q: '  김민준 ', page: '3', page_size: '200', mystery: 'ignored' })).toEqual({
      ...asGiven,
      q: '김민준',
      page: 3,
      page_size: 200,
    });
    expect(ok({ q: '   ', pg: '', card_type: '' })).toEqual(ok({}));
  });

  it('takes the first value of a repeated parameter, from a record or URLSearchParams', () => {
    expect(ok({ pg: ['kcp', 'nice'] }).pg).toBe('kcp');
    expect(ok(new URLSearchParams('pg=kcp&pg=nice&page=2')).page).toBe(2);
  });

  /** The query is refused: `param`'s field message contains `message`, and the summary names `param`. */
  const expectRefused = (query: Record<string, string>, param: Param, message: string) => {
    const result = failure(query);
    expect(result.fields[param]).toContain(message);
    expect(result.message).toContain(`(${param})`);
    expect(result.message.startsWith('조회 조건이 올바르지 않습니다: ')).toBe(true);
  };

  it.each<[Param, string, string]>([
    ['card_type', 'debit', '카드 종류(card_type) 값은 credit, check, unknown 중 하나여야 합니다.'],
    ['env', 'prod', '구분(env) 값은 test, live 중 하나여야 합니다.'],
    ['status', 'gone', '상태(status) 값은 active, deleted 중 하나여야 합니다.'],
    ['sort', 'card_number', '정렬 기준(sort) 값은'],
    ['order', 'up', '정렬 순서(order) 값은 desc, asc 중 하나여야 합니다.'],
    ['page', '0', '페이지(page)은(는) 1 이상이어야 합니다.'],
    ['page', 'abc', '페이지(page)은(는) 1 이상'],
    ['page', '10001', '10,000 이하'],
    ['page_size', '201', '페이지 크기(page_size)은(는) 200 이하여야 합니다.'],
    ['page_size', '-5', '페이지 크기(page_size)'],
    ['from', '2026-02-30', '발급일 시작(from)은(는) YYYY-MM-DD 형식의 날짜여야 합니다'],
    ['to', '20260101', '발급일 끝(to)'],
    ['q', 'x'.repeat(101), '검색어(q)은(는) 100자 이하로 입력하세요.'],
    ['pg', 'nice\u0000', '제어 문자'],
  ])('refuses %s=%j naming it', (param, value, message) => {
    expectRefused({ [param]: value }, param, message);
  });

  it('refuses a to before from, naming to', () => {
    expectRefused(
      { from: '2026-02-01', to: '2026-01-01' },
      'to',
      '발급일 끝(to)은(는) 발급일 시작(from)과 같거나 뒤여야 합니다.',
    );
  });
});

describe('helpers', () => {
  it('normalizeQuery keeps known, non-blank parameters only', () => {
    expect(normalizeQuery({ q: ' a ', x: '1', pg: '' })).toEqual({ q: 'a' });
  });

  it('writes a short URL: defaults left out, changes applied', () => {
    const filters = ok({ pg: 'kcp', q: '김', page: '2' });
    expect(filtersToSearchParams(filters).toString()).toBe(`q=${encodeURIComponent('김')}&pg=kcp&page=2`);
    expect(filtersToSearchParams(filters, { page: 1, sort: 'card_name', order: 'asc' }).toString()).toBe(
      `q=${encodeURIComponent('김')}&pg=kcp&sort=card_name&order=asc`,
    );
    expect(filtersToSearchParams(ok({})).toString()).toBe('');
  });

  it('filterOnly drops paging and unset values', () => {
    expect(filterOnly(ok({ pg: 'kcp', page: '4' }))).toEqual({ pg: 'kcp', sort: 'issued_at', order: 'desc' });
  });

  it('reads dates as KST days', () => {
    expect(kstDayStart('2026-01-31').toISOString()).toBe('2026-01-30T15:00:00.000Z');
    expect(kstDayEnd('2026-01-31').toISOString()).toBe('2026-01-31T15:00:00.000Z');
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
  });
});
