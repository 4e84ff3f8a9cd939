'use client';

import type { ListedChannel } from '@/lib/model/settings';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';

export const MANUAL_CHANNEL = '__manual__';

interface ChannelSelectProps {
  channels: ListedChannel[] | undefined;
  loading: boolean;
  loadError: string | null;
  onRetry: () => void;
  value: string;
  onChange: (choice: string) => void;
  error?: string;
  disabled?: boolean;
}

/** Key-in channels from `GET /users/pg`, plus free `provider.MID` entry. */
export function ChannelSelect({
  channels,
  loading,
  loadError,
  onRetry,
  value,
  onChange,
  error,
  disabled,
}: ChannelSelectProps) {
  const keyIn = (channels ?? []).filter((channel) => channel.keyIn);
  const hint = loading
    ? '채널 목록을 불러오는 중입니다…'
    : loadError
      ? `채널 목록을 불러오지 못했습니다: ${loadError} 직접 입력을 선택해 PG 구분코드를 입력할 수 있습니다.`
      : `API(키인) 방식 채널 ${keyIn.length}개. 결제창 전용 채널은 빌링키를 API로 발급할 수 없어 제외했습니다.`;
  return (
    <div className="flex flex-col gap-2">
      <Field id="channel" label="발급 채널" apiName="channel_key / pg" error={error} hint={hint} required>
        {(a11y) => (
          <NativeSelect {...a11y} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
            {value === '' && <option value="">채널을 선택하세요</option>}
            {keyIn.map((channel) => (
              <option key={channel.channelKey} value={channel.channelKey}>
                {channel.channelName} · {channel.pg}
                {channel.sandbox ? ' (테스트)' : ' (실제)'}
                {channel.isDefault ? ' · 기본' : ''}
                {channel.hidden ? ' · 상담원에게 숨김' : ''}
              </option>
            ))}
            <option value={MANUAL_CHANNEL}>직접 입력 (PG사.상점아이디)</option>
          </NativeSelect>
        )}
      </Field>
      {loadError && (
        <Button variant="link" size="sm" onClick={onRetry} className="self-start">
          채널 목록 다시 불러오기
        </Button>
      )}
    </div>
  );
}
