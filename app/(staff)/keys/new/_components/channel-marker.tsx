import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { ChannelView } from '@/lib/model/billing-keys';
import { pgDisplayName } from '@/lib/gateways/catalog';

/**
 * Stays in view while the agent types: which channel, and whether it is real money. Beside the form
 * on a wide screen (it covers nothing there); on a narrow one a single line above it, and the page's
 * scroll padding keeps a focused field below it (app/globals.css, `data-sticky-marker`).
 */
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
      data-sticky-marker=""
      className={cn(
        'flex items-center gap-2 rounded-lg border-2 px-3 py-2 shadow-sm lg:flex-col lg:items-start lg:gap-1.5 lg:p-4',
        live
          ? 'border-red-700 bg-red-50 text-red-950'
          : channel
            ? 'border-amber-600 bg-amber-50 text-amber-950'
            : 'border-slate-400 bg-white text-slate-900',
      )}
    >
      <Badge solid tone={live ? 'red' : channel ? 'amber' : 'slate'} className="shrink-0 px-2 py-0.5 text-sm">
        {live ? 'LIVE 실제 채널' : channel ? 'TEST 테스트 채널' : '채널 확인 필요'}
      </Badge>
      <span className="min-w-0 truncate text-sm font-medium lg:break-all lg:whitespace-normal">{label}</span>
      {live && <span className="hidden text-sm lg:block">실제 카드로 빌링키가 발급됩니다.</span>}
      {live && <span className="sr-only lg:hidden">실제 카드로 빌링키가 발급됩니다.</span>}
    </div>
  );
}
