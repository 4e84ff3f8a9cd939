import { Badge } from '@/components/ui/badge';
import { Checkbox, Radio } from '@/components/ui/checkbox';
import { DataTable } from '@/components/ui/table';
import type { ChannelSettingsRow } from '@/lib/model/settings';

const TYPE_LABELS: Record<string, string> = {
  api_payment: 'API 키인',
  payment: '결제창',
  certification: '본인인증',
};

interface Props {
  channels: ChannelSettingsRow[];
  defaultKey: string;
  hidden: ReadonlySet<string>;
  onDefault: (channelKey: string) => void;
  onHidden: (channelKey: string, hide: boolean) => void;
}

/**
 * Every channel of `GET /users/pg`: what it is, whether it can issue by API, and the admin's two
 * choices. The long channel key sits under the name, so the table fits a laptop; cards on a phone.
 */
export function ChannelSettingsTable({ channels, defaultKey, hidden, onDefault, onHidden }: Props) {
  return (
    <DataTable
      label="PG 채널 목록"
      caption="이 가맹점의 PG 채널, 기본 채널과 숨김 설정"
      rows={channels}
      rowKey={(channel) => channel.channelKey}
      rowTone={(channel) => (hidden.has(channel.channelKey) ? 'muted' : undefined)}
      columns={[
        {
          header: 'PG사 · MID',
          rowHeader: true,
          primary: true,
          cell: (channel) => (
            <>
              {channel.providerName}
              <small className="font-mono font-normal">
                {channel.pgProvider} · {channel.pgId || '—'}
              </small>
            </>
          ),
        },
        {
          header: '채널 이름 · 채널 키',
          label: '채널',
          className: 'md:min-w-56',
          cell: (channel) => (
            <>
              {channel.channelName}
              <small className="font-mono break-all">{channel.channelKey}</small>
            </>
          ),
        },
        {
          header: '구분',
          cell: (channel) => (channel.sandbox ? <Badge tone="slate">테스트</Badge> : <Badge tone="red">실제</Badge>),
        },
        {
          header: '유형',
          cell: (channel) => (
            <>
              {TYPE_LABELS[channel.type] ?? channel.type}
              <small className="font-mono">{channel.type}</small>
            </>
          ),
        },
        {
          header: 'API 발급',
          cell: (channel) =>
            channel.issuable ? (
              <strong className="text-emerald-900">가능</strong>
            ) : (
              <span className="text-slate-700">{channel.keyIn ? '불가 (키인 미지원 PG)' : '불가'}</span>
            ),
        },
        {
          header: '기본',
          cell: (channel) => (
            <Radio
              name="defaultChannel"
              value={channel.channelKey}
              checked={defaultKey === channel.channelKey}
              disabled={!channel.issuable || hidden.has(channel.channelKey)}
              onChange={() => onDefault(channel.channelKey)}
              aria-label={`${channel.channelName} 기본 채널`}
            />
          ),
        },
        {
          header: '상담원에게 숨김',
          label: '숨김',
          cell: (channel) => (
            <Checkbox
              checked={hidden.has(channel.channelKey)}
              onChange={(event) => onHidden(channel.channelKey, event.target.checked)}
              aria-label={`${channel.channelName} 상담원에게 숨김`}
            />
          ),
        },
      ]}
    />
  );
}
