'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert, FormAlert, FormStatus } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CardSection } from '@/components/ui/card';
import { ChoiceLabel, Radio } from '@/components/ui/checkbox';
import { api, ApiError } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query';
import { formatKst } from '@/lib/format';
import type { ChannelSettingsView } from '@/lib/model/settings';
import { ChannelSettingsTable } from './channel-settings-table';

/** Edits the default channel and the hidden ones of the live channel list (read on the server). */
export function ChannelSettingsForm({ view: initial }: { view: ChannelSettingsView }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [view, setView] = useState(initial);
  const [defaultKey, setDefaultKey] = useState(initial.settings.defaultChannelKey ?? '');
  const [hidden, setHidden] = useState(() => new Set(initial.settings.hiddenChannelKeys));
  const [status, setStatus] = useState('');
  const [defaultNote, setDefaultNote] = useState('');
  const save = useMutation({
    mutationFn: api.saveChannelSettings,
    onSuccess: (next) => {
      // The choices follow what the server stored (focus stays on the save button).
      setView(next);
      setDefaultKey(next.settings.defaultChannelKey ?? '');
      setHidden(new Set(next.settings.hiddenChannelKeys));
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels() });
      router.refresh();
      setStatus('채널 설정을 저장했습니다. 상담원의 발급 화면에 바로 반영됩니다.');
    },
  });
  const error = save.error instanceof ApiError ? save.error : null;

  function toggleHidden(channelKey: string, hide: boolean) {
    setStatus('');
    setHidden((current) => {
      const next = new Set(current);
      if (hide) next.add(channelKey);
      else next.delete(channelKey);
      return next;
    });
    if (hide && defaultKey === channelKey) {
      // A hidden channel cannot be the agents' default: say so instead of changing it silently.
      setDefaultKey('');
      const name = view.channels.find((channel) => channel.channelKey === channelKey)?.channelName ?? channelKey;
      setDefaultNote(
        `기본 채널이던 ${name}을(를) 숨겨서 기본 채널이 '기본 채널 없음'으로 바뀌었습니다. 저장하기 전에 다른 기본 채널을 고를 수 있습니다.`,
      );
    }
  }

  return (
    <form
      method="post"
      aria-labelledby="channels-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setStatus('');
        save.mutate({ defaultChannelKey: defaultKey || null, hiddenChannelKeys: [...hidden] });
      }}
    >
      <CardSection
        id="channels-heading"
        title={`PG 채널 ${view.channels.length}개`}
        description={
          <>
            마지막 변경:{' '}
            {view.settings.updatedAt ? (
              <time dateTime={view.settings.updatedAt}>{formatKst(view.settings.updatedAt)}</time>
            ) : (
              '아직 바꾼 적 없음'
            )}
          </>
        }
      >
        {view.staleKeys.length > 0 && (
          <Alert tone="warning">
            저장된 설정에 지금 채널 목록에 없는 채널이 있습니다:{' '}
            <span className="font-mono break-all">{view.staleKeys.join(', ')}</span>
          </Alert>
        )}
        <fieldset className="min-w-0 space-y-2">
          <legend className="font-medium">기본 채널</legend>
          <p role="status" className="text-sm font-semibold text-amber-900 empty:hidden">
            {defaultNote}
          </p>
          <ChoiceLabel
            control={
              <Radio name="defaultChannel" value="" checked={defaultKey === ''} onChange={() => setDefaultKey('')} />
            }
          >
            기본 채널 없음 (숨기지 않은 첫 번째 API 채널)
          </ChoiceLabel>
          <ChannelSettingsTable
            channels={view.channels}
            defaultKey={defaultKey}
            hidden={hidden}
            onDefault={(key) => {
              setStatus('');
              setDefaultNote('');
              setDefaultKey(key);
            }}
            onHidden={toggleHidden}
          />
        </fieldset>
        <FormAlert>
          {save.error
            ? [save.error.message, ...Object.values(error?.body.fields ?? {})].filter(Boolean).join(' ')
            : null}
        </FormAlert>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '저장 중…' : '채널 설정 저장'}
        </Button>
        <FormStatus>{status}</FormStatus>
      </CardSection>
    </form>
  );
}
