'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormAlert, primaryButtonClass, sectionClass } from '@/components/auth-ui';
import { api, ApiError } from '@/lib/client/api';
import { QA_SCENARIO_LIST } from '@/lib/qa/scenarios';
import type { QaRunView } from '@/lib/model/qa';
import type { ListedChannel } from '@/lib/model/settings';
import {
  QA_LIMITS,
  QA_SCENARIOS,
  QA_TIMEOUT_CHOICES_MS,
  qaRunInputSchema,
  type QaScenario,
} from '@/lib/validations/qa';

const LIVE_NOTE =
  '실제 채널에는 테스트 카드번호를 보낼 수 없습니다. 실제 채널에서는 테스트 카드가 필요 없는 "카드번호 오류" 시나리오만 어느 카드사에도 없는 번호(1234-56**-****-3452)로 실행하고, 나머지 칸은 "건너뜀"으로 표시합니다.';

function toggle<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

interface RunFormProps {
  /** Key-in channels of `GET /api/channels`. */
  channels: ListedChannel[];
  /** Only an admin may run on a live channel (the server checks again). */
  isAdmin: boolean;
  onStarted: (run: QaRunView) => void;
}

/** Channels × scenarios, the issuance timeout, and the live confirmation; all native controls. */
export function RunForm({ channels, isAdmin, onStarted }: RunFormProps) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [scenarios, setScenarios] = useState<Set<QaScenario>>(() => new Set(QA_SCENARIOS));
  const [timeoutMs, setTimeoutMs] = useState<number>(QA_LIMITS.defaultTimeoutMs);
  const [confirmLive, setConfirmLive] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const start = useMutation({ mutationFn: api.startQaRun, onSuccess: onStarted });

  const liveChosen = channels.some((channel) => chosen.has(channel.channelKey) && !channel.sandbox);
  const serverError = start.error instanceof ApiError ? start.error : null;
  const fieldErrors = { ...errors, ...(serverError?.body.fields ?? {}) };

  function submit() {
    start.reset();
    const input = {
      channelKeys: channels.filter((channel) => chosen.has(channel.channelKey)).map((channel) => channel.channelKey),
      scenarios: QA_SCENARIOS.filter((scenario) => scenarios.has(scenario)),
      issueTimeoutMs: timeoutMs,
      confirmLive: liveChosen && confirmLive,
    };
    const parsed = qaRunInputSchema.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
      setErrors(fields);
      return;
    }
    setErrors({});
    start.mutate(input);
  }

  return (
    <form
      aria-labelledby="run-form-heading"
      noValidate
      className={sectionClass}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="run-form-heading" className="text-lg font-semibold">
        새 실행
      </h2>

      <fieldset
        className="space-y-2"
        aria-describedby={fieldErrors.channelKeys ? 'qa-channels-error' : 'qa-channels-hint'}
      >
        <legend className="font-medium">채널 (API 키인 채널)</legend>
        {channels.length === 0 && <p className="text-sm text-slate-700">API(키인) 채널이 없습니다.</p>}
        <div className="grid gap-1 sm:grid-cols-2">
          {channels.map((channel) => {
            const locked = !channel.sandbox && !isAdmin;
            return (
              <label
                key={channel.channelKey}
                className={`flex items-start gap-2 text-sm ${locked ? 'text-slate-600' : ''}`}
              >
                <input
                  type="checkbox"
                  checked={chosen.has(channel.channelKey)}
                  disabled={locked}
                  onChange={(event) =>
                    setChosen((current) => toggle(current, channel.channelKey, event.target.checked))
                  }
                  className="mt-0.5 h-4 w-4"
                />
                <span>
                  {channel.channelName} <span className="font-mono text-xs">{channel.pg}</span>{' '}
                  <strong className={channel.sandbox ? 'font-normal' : 'text-red-800'}>
                    {channel.sandbox ? '(테스트)' : '(실제)'}
                  </strong>
                  {locked && ' — 관리자만 실행'}
                </span>
              </label>
            );
          })}
        </div>
        {fieldErrors.channelKeys ? (
          <p id="qa-channels-error" className="text-sm text-red-700">
            {fieldErrors.channelKeys}
          </p>
        ) : (
          <p id="qa-channels-hint" className="text-xs text-slate-600">
            QA 역할은 테스트(샌드박스) 채널에서만 실행할 수 있습니다. {LIVE_NOTE}
          </p>
        )}
      </fieldset>

      <fieldset className="space-y-2" aria-describedby={fieldErrors.scenarios ? 'qa-scenarios-error' : undefined}>
        <legend className="font-medium">시나리오</legend>
        <div className="flex gap-2 text-sm">
          <button type="button" className="text-blue-700 underline" onClick={() => setScenarios(new Set(QA_SCENARIOS))}>
            모두 선택
          </button>
          <button type="button" className="text-blue-700 underline" onClick={() => setScenarios(new Set())}>
            모두 해제
          </button>
        </div>
        <div className="grid gap-1 sm:grid-cols-2">
          {QA_SCENARIO_LIST.map((info) => (
            <label key={info.scenario} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                checked={scenarios.has(info.scenario)}
                onChange={(event) => setScenarios((current) => toggle(current, info.scenario, event.target.checked))}
                className="mt-0.5 h-4 w-4"
              />
              <span>
                {info.label} <span className="font-mono text-xs text-slate-600">{info.scenario}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldErrors.scenarios && (
          <p id="qa-scenarios-error" className="text-sm text-red-700">
            {fieldErrors.scenarios}
          </p>
        )}
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor="qa-timeout" className="text-sm font-medium">
          발급 타임아웃
        </label>
        <select
          id="qa-timeout"
          value={timeoutMs}
          onChange={(event) => setTimeoutMs(Number(event.target.value))}
          aria-describedby="qa-timeout-hint"
          className="w-40 rounded-md border border-slate-400 bg-white px-3 py-2"
        >
          {QA_TIMEOUT_CHOICES_MS.map((ms) => (
            <option key={ms} value={ms}>
              {ms / 1000}초
            </option>
          ))}
        </select>
        <p id="qa-timeout-hint" className="text-xs text-slate-600">
          이 시간 안에 답이 없으면 그 칸은 &quot;결과 불명&quot;입니다. 응답 지연 시나리오는 타임아웃보다 오래 기다리게
          합니다.
        </p>
      </div>

      {liveChosen && (
        <div className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-950">
          <p className="font-semibold">실제 채널이 포함되어 있습니다.</p>
          <p>{LIVE_NOTE}</p>
          <label className="flex items-center gap-2 font-medium">
            <input
              type="checkbox"
              checked={confirmLive}
              onChange={(event) => setConfirmLive(event.target.checked)}
              aria-describedby={fieldErrors.confirmLive ? 'qa-confirm-error' : undefined}
              className="h-4 w-4"
            />
            실제 채널에서 실행함을 확인
          </label>
          {fieldErrors.confirmLive && (
            <p id="qa-confirm-error" className="text-red-800">
              {fieldErrors.confirmLive}
            </p>
          )}
        </div>
      )}

      <FormAlert>{start.error ? start.error.message : null}</FormAlert>
      <button type="submit" disabled={start.isPending} className={primaryButtonClass}>
        {start.isPending ? '시작하는 중…' : '실행'}
      </button>
    </form>
  );
}
