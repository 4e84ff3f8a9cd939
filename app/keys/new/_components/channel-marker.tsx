import type { ChannelView } from '@/lib/model/billing-keys';
import { pgDisplayName } from '@/lib/gateways/catalog';

/** Stays in view while the agent types: which channel, and whether it is real money. */
export function ChannelMarker({ channel, manualPg }: { channel: ChannelView | undefined; manualPg: string }) {
  const live = channel?.sandbox === false;
  const label = channel
    ? `${channel.channelName} · ${channel.pg}`
    : manualPg
      ? `${pgDisplayName(manualPg.split('.')[0] ?? '')} · ${manualPg}`
      : '채널 미선택';
  return (
    <div
      role="status"
      aria-label="발급 채널 표시"
      className={`sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border-2 px-4 py-2 shadow-sm ${
        live
          ? 'border-red-700 bg-red-50 text-red-950'
          : channel
            ? 'border-amber-600 bg-amber-50 text-amber-950'
            : 'border-slate-400 bg-white text-slate-900'
      }`}
    >
      <strong
        className={`rounded px-2 py-0.5 text-sm font-bold text-white ${live ? 'bg-red-700' : channel ? 'bg-amber-800' : 'bg-slate-600'}`}
      >
        {live ? 'LIVE 실제 채널' : channel ? 'TEST 테스트 채널' : '채널 확인 필요'}
      </strong>
      <span className="text-sm font-medium">{label}</span>
      {live && <span className="text-sm">실제 카드로 빌링키가 발급됩니다.</span>}
    </div>
  );
}
