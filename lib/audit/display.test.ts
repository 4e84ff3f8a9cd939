import { describe, expect, it } from 'vitest';
import { actionText, actorLabel, detailEntries } from './display';

describe('audit display', () => {
  it('names the actor: email, else id, else 시스템 without a request, else 알 수 없음', () => {
    expect(actorLabel({ actorEmail: 'kim@example.com', actorId: 'u1', ip: '1.2.3.4' })).toBe('kim@example.com');
    expect(actorLabel({ actorEmail: null, actorId: 'u1', ip: null })).toBe('u1');
    expect(actorLabel({ actorEmail: null, actorId: null, ip: null })).toBe('시스템');
    expect(actorLabel({ actorEmail: null, actorId: null, ip: '198.51.100.7' })).toBe('알 수 없음');
  });

  it('shows the Korean name with the code, or the bare code when unknown', () => {
    expect(actionText('billing_key.delete')).toBe('빌링키 삭제 (billing_key.delete)');
    expect(actionText('other.thing')).toBe('other.thing');
  });

  it('lists details as Korean-named pairs with coded values in words, empty lists left out', () => {
    expect(
      detailEntries({
        reason: '고객 요청',
        cardNumberMasked: '527289******0004',
        role: { from: 'agent', to: 'reviewer' },
        active: { from: true, to: false },
        differences: [],
        stored: false,
        ms: 1234,
        custom: null,
        long: 'x'.repeat(10),
        filter: { q: 'y'.repeat(300) },
      }),
    ).toEqual([
      { key: 'reason', label: '사유', value: '고객 요청' },
      { key: 'cardNumberMasked', label: '카드번호', value: '527289******0004' },
      { key: 'role', label: '역할', value: '상담원 → 검토자' },
      { key: 'active', label: '활성', value: '예 → 아니오' },
      { key: 'stored', label: '콘솔 기록', value: '아니오' },
      { key: 'ms', label: '소요(ms)', value: '1,234' },
      { key: 'custom', label: 'custom', value: '—' },
      { key: 'long', label: 'long', value: 'xxxxxxxxxx' },
      { key: 'filter', label: '조건', value: `검색어 ${'y'.repeat(155)}…` },
    ]);
    expect(detailEntries(null)).toEqual([]);
  });

  it('shows an instant recorded in a detail (a link expiry) as a KST time, not as ISO', () => {
    expect(detailEntries({ expiresAt: '2026-12-03T12:56:37.777Z' })).toEqual([
      { key: 'expiresAt', label: '만료 시각', value: '2026-12-03 21:56:37 KST' },
    ]);
    expect(detailEntries({ note: '2026-12-03' })[0]?.value).toBe('2026-12-03');
  });

  it('names the details of card-registration link events in Korean', () => {
    const created = detailEntries({
      customerUid: 'shot_link',
      pg: 'nice',
      token: '82cca734',
      expiresAt: '2026-12-02T16:12:47.137Z',
      replace: false,
    });
    expect(created.map((entry) => entry.label)).toEqual([
      '고객 결제수단 ID',
      'PG',
      '토큰(해시 앞자리)',
      '만료 시각',
      '교체 동의',
    ]);
    expect(detailEntries({ channel: 'webhook', tries: 2, enteredBy: 'customer' })).toEqual([
      { key: 'channel', label: '보낸 방법', value: '웹훅' },
      { key: 'tries', label: '시도 횟수', value: '2' },
      { key: 'enteredBy', label: '입력한 사람', value: '고객 (카드 등록 링크)' },
    ]);
  });

  it('has a Korean name for every key the app records, and words for its codes', () => {
    const reconcile = detailEntries({ checked: 3, same: 1, changed: 1, missing: 1, unavailable: 0, batches: 1 });
    expect(reconcile.map((entry) => entry.label)).toEqual([
      '확인한 키',
      '일치',
      '변경됨',
      '없음',
      '확인 불가',
      '조회 묶음',
    ]);
    expect(detailEntries({ method: 'password', step: 'second_factor', change: 'enabled', by: 'ip' })).toEqual([
      { key: 'method', label: '방식', value: '비밀번호' },
      { key: 'step', label: '단계', value: '2단계 인증 단계' },
      { key: 'change', label: '변경', value: '켬' },
      { key: 'by', label: '제한 기준', value: 'IP 주소' },
    ]);
    expect(detailEntries({ error: 'upstream_unavailable', differences: ['cardNumberMasked', 'updatedAt'] })).toEqual([
      { key: 'error', label: '오류', value: 'Iamport 연결 실패 (upstream_unavailable)' },
      { key: 'differences', label: '다른 항목', value: '카드번호, 마지막 변경' },
    ]);
    // A reconcile names the keys it could not check and the card now at Iamport of each changed one.
    expect(
      detailEntries({
        unavailableUids: ['u-1', 'u-2'],
        liveCards: {
          'u-3': {
            pgProvider: 'nice',
            pgId: 'nictest04m',
            cardName: '롯데카드',
            cardNumberMasked: '54092600****0006',
            updatedAt: '2026-12-01T00:00:00.000Z',
          },
        },
      }),
    ).toEqual([
      { key: 'unavailableUids', label: '확인 불가 키', value: 'u-1, u-2' },
      {
        key: 'liveCards',
        label: '지금 Iamport의 카드',
        value:
          'u-3 PG사 nice, MID nictest04m, 카드사 롯데카드, 카드번호 54092600****0006, Iamport 변경 시각 2026-12-01 09:00:00 KST',
      },
    ]);
    expect(detailEntries({ counts: { issued: 2, rejected: 1 }, live: true })).toEqual([
      { key: 'counts', label: '결과 수', value: '발급 2, 거절 1' },
      { key: 'live', label: '실제 채널 포함', value: '예' },
    ]);
  });
});
