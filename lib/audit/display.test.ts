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

  it('lists details as Korean-named pairs, nested values as short JSON, empty lists left out', () => {
    expect(
      detailEntries({
        reason: '고객 요청',
        cardNumberMasked: '527289******0004',
        role: { from: 'agent', to: 'reviewer' },
        differences: [],
        stored: false,
        ms: 12,
        custom: null,
        long: 'x'.repeat(10),
        filter: { q: 'y'.repeat(300) },
      }),
    ).toEqual([
      { key: 'reason', label: '사유', value: '고객 요청' },
      { key: 'cardNumberMasked', label: '카드번호', value: '527289******0004' },
      { key: 'role', label: '역할', value: '{"from":"agent","to":"reviewer"}' },
      { key: 'stored', label: '저장됨', value: 'false' },
      { key: 'ms', label: '소요(ms)', value: '12' },
      { key: 'custom', label: 'custom', value: '—' },
      { key: 'long', label: 'long', value: 'xxxxxxxxxx' },
      { key: 'filter', label: '조건', value: `{"q":"${'y'.repeat(153)}…` },
    ]);
    expect(detailEntries(null)).toEqual([]);
  });
});
