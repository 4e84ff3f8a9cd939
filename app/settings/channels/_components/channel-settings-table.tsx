import type { ChannelSettingsRow } from '@/lib/model/settings';

const TYPE_LABELS: Record<string, string> = {
  api_payment: 'API 키인',
  payment: '결제창',
  certification: '본인인증',
};

const th = 'px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700';
const td = 'px-3 py-2 align-top text-sm text-slate-900';

interface Props {
  channels: ChannelSettingsRow[];
  defaultKey: string;
  hidden: ReadonlySet<string>;
  onDefault: (channelKey: string) => void;
  onHidden: (channelKey: string, hide: boolean) => void;
}

/** Every channel of `GET /users/pg`: what it is, whether it can issue by API, and the admin's two choices. */
export function ChannelSettingsTable({ channels, defaultKey, hidden, onDefault, onHidden }: Props) {
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200"
      role="region"
      aria-label="PG 채널 목록"
      tabIndex={0}
    >
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">이 가맹점의 PG 채널, 기본 채널과 숨김 설정</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              PG사
            </th>
            <th scope="col" className={th}>
              MID
            </th>
            <th scope="col" className={th}>
              채널 이름
            </th>
            <th scope="col" className={th}>
              채널 키
            </th>
            <th scope="col" className={th}>
              구분
            </th>
            <th scope="col" className={th}>
              유형
            </th>
            <th scope="col" className={th}>
              API 발급
            </th>
            <th scope="col" className={th}>
              기본
            </th>
            <th scope="col" className={th}>
              상담원에게 숨김
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {channels.map((channel) => {
            const isHidden = hidden.has(channel.channelKey);
            return (
              <tr key={channel.channelKey} className={isHidden ? 'bg-slate-50' : undefined}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  {channel.providerName}
                  <span className="block font-mono text-xs font-normal text-slate-600">{channel.pgProvider}</span>
                </th>
                <td className={`${td} font-mono`}>{channel.pgId || '—'}</td>
                <td className={td}>{channel.channelName}</td>
                <td className={`${td} font-mono text-xs break-all`}>{channel.channelKey}</td>
                <td className={td}>
                  <span
                    className={`rounded border px-2 py-0.5 text-xs font-bold whitespace-nowrap ${
                      channel.sandbox
                        ? 'border-slate-300 bg-slate-100 text-slate-900'
                        : 'border-red-300 bg-red-100 text-red-950'
                    }`}
                  >
                    {channel.sandbox ? '테스트' : '실제'}
                  </span>
                </td>
                <td className={td}>
                  {TYPE_LABELS[channel.type] ?? channel.type}
                  <span className="block font-mono text-xs text-slate-600">{channel.type}</span>
                </td>
                <td className={td}>
                  {channel.issuable ? (
                    <strong className="text-emerald-900">가능</strong>
                  ) : (
                    <span className="text-slate-700">{channel.keyIn ? '불가 (키인 미지원 PG)' : '불가'}</span>
                  )}
                </td>
                <td className={td}>
                  <input
                    type="radio"
                    name="defaultChannel"
                    value={channel.channelKey}
                    checked={defaultKey === channel.channelKey}
                    disabled={!channel.issuable || isHidden}
                    onChange={() => onDefault(channel.channelKey)}
                    aria-label={`${channel.channelName} 기본 채널`}
                    className="h-4 w-4"
                  />
                </td>
                <td className={td}>
                  <input
                    type="checkbox"
                    checked={isHidden}
                    onChange={(event) => onHidden(channel.channelKey, event.target.checked)}
                    aria-label={`${channel.channelName} 상담원에게 숨김`}
                    className="h-4 w-4"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
