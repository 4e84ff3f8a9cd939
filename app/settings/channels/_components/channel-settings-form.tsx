'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert, FormStatus, primaryButtonClass, secondaryButtonClass, sectionClass } from '@/components/auth-ui';
import { api, ApiError } from '@/lib/client/api';
import { queryKeys } from '@/lib/client/query';
import { formatKst } from '@/lib/format';
import type { ChannelSettingsView } from '@/lib/model/settings';
import { ChannelSettingsTable } from './channel-settings-table';

/** Loads the live channel list with the saved settings; the table below edits and saves them. */
export function ChannelSettingsForm() {
  const query = useQuery({ queryKey: queryKeys.channelSettings(), queryFn: api.channelSettings, staleTime: 0 });
  const [status, setStatus] = useState('');
  if (query.isPending) {
    return (
      <p role="status" className="text-sm text-slate-700">
        Iamport에서 채널 목록을 불러오는 중입니다…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="space-y-2">
        <FormAlert>채널 목록을 불러오지 못했습니다: {query.error.message}</FormAlert>
        <button type="button" onClick={() => void query.refetch()} className={secondaryButtonClass}>
          다시 불러오기
        </button>
      </div>
    );
  }
  return <Editor view={query.data} status={status} setStatus={setStatus} />;
}

interface EditorProps {
  view: ChannelSettingsView;
  status: string;
  setStatus: (status: string) => void;
}

function Editor({ view, status, setStatus }: EditorProps) {
  const queryClient = useQueryClient();
  const [defaultKey, setDefaultKey] = useState(view.settings.defaultChannelKey ?? '');
  const [hidden, setHidden] = useState(() => new Set(view.settings.hiddenChannelKeys));
  const save = useMutation({
    mutationFn: api.saveChannelSettings,
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.channelSettings(), next);
      // The choices follow what the server stored (focus stays on the save button).
      setDefaultKey(next.settings.defaultChannelKey ?? '');
      setHidden(new Set(next.settings.hiddenChannelKeys));
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels() });
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
    if (hide && defaultKey === channelKey) setDefaultKey('');
  }

  return (
    <form
      className={sectionClass}
      aria-labelledby="channels-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setStatus('');
        save.mutate({ defaultChannelKey: defaultKey || null, hiddenChannelKeys: [...hidden] });
      }}
    >
      <h2 id="channels-heading" className="text-lg font-semibold">
        PG 채널 {view.channels.length}개
      </h2>
      <p className="text-sm text-slate-700">
        마지막 변경:{' '}
        {view.settings.updatedAt ? (
          <time dateTime={view.settings.updatedAt}>{formatKst(view.settings.updatedAt)}</time>
        ) : (
          '아직 바꾼 적 없음'
        )}
      </p>
      {view.staleKeys.length > 0 && (
        <p className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          저장된 설정에 지금 채널 목록에 없는 채널이 있습니다:{' '}
          <span className="font-mono">{view.staleKeys.join(', ')}</span>
        </p>
      )}
      <fieldset className="space-y-2">
        <legend className="font-medium">기본 채널</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="defaultChannel"
            value=""
            checked={defaultKey === ''}
            onChange={() => setDefaultKey('')}
            className="h-4 w-4"
          />
          기본 채널 없음 (숨기지 않은 첫 번째 API 채널)
        </label>
        <ChannelSettingsTable
          channels={view.channels}
          defaultKey={defaultKey}
          hidden={hidden}
          onDefault={(key) => {
            setStatus('');
            setDefaultKey(key);
          }}
          onHidden={toggleHidden}
        />
      </fieldset>
      <FormAlert>
        {save.error ? [save.error.message, ...Object.values(error?.body.fields ?? {})].filter(Boolean).join(' ') : null}
      </FormAlert>
      <button type="submit" disabled={save.isPending} className={primaryButtonClass}>
        {save.isPending ? '저장 중…' : '채널 설정 저장'}
      </button>
      <FormStatus>{status}</FormStatus>
    </form>
  );
}
