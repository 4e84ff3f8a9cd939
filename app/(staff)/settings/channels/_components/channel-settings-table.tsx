import { Badge } from '@/components/ui/badge';
import { Checkbox, Radio } from '@/components/ui/checkbox';
import { Table, TableFrame, TBody, TD, TH, THead, TR } from '@/components/ui/table';
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
    <TableFrame label="PG 채널 목록">
      <Table caption="이 가맹점의 PG 채널, 기본 채널과 숨김 설정" cards>
        <THead>
          <tr>
            <TH>PG사 · MID</TH>
            <TH>채널 이름 · 채널 키</TH>
            <TH>구분</TH>
            <TH>유형</TH>
            <TH>API 발급</TH>
            <TH>기본</TH>
            <TH>상담원에게 숨김</TH>
          </tr>
        </THead>
        <TBody>
          {channels.map((channel) => {
            const isHidden = hidden.has(channel.channelKey);
            return (
              <TR key={channel.channelKey} tone={isHidden ? 'muted' : undefined}>
                <th scope="row" data-primary="">
                  {channel.providerName}
                  <small className="font-mono font-normal">
                    {channel.pgProvider} · {channel.pgId || '—'}
                  </small>
                </th>
                <TD label="채널" className="md:min-w-56">
                  {channel.channelName}
                  <small className="font-mono break-all">{channel.channelKey}</small>
                </TD>
                <TD label="구분">
                  {channel.sandbox ? <Badge tone="slate">테스트</Badge> : <Badge tone="red">실제</Badge>}
                </TD>
                <TD label="유형">
                  {TYPE_LABELS[channel.type] ?? channel.type}
                  <small className="font-mono">{channel.type}</small>
                </TD>
                <TD label="API 발급">
                  {channel.issuable ? (
                    <strong className="text-emerald-900">가능</strong>
                  ) : (
                    <span className="text-slate-700">{channel.keyIn ? '불가 (키인 미지원 PG)' : '불가'}</span>
                  )}
                </TD>
                <TD label="기본">
                  <Radio
                    name="defaultChannel"
                    value={channel.channelKey}
                    checked={defaultKey === channel.channelKey}
                    disabled={!channel.issuable || isHidden}
                    onChange={() => onDefault(channel.channelKey)}
                    aria-label={`${channel.channelName} 기본 채널`}
                  />
                </TD>
                <TD label="숨김">
                  <Checkbox
                    checked={isHidden}
                    onChange={(event) => onHidden(channel.channelKey, event.target.checked)}
                    aria-label={`${channel.channelName} 상담원에게 숨김`}
                  />
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </TableFrame>
  );
}
