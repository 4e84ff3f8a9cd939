'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert, FormAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Checkbox, ChoiceLabel } from '@/components/ui/checkbox';
import { FieldMessage } from '@/components/ui/field';
import { ChoiceSelect } from '@/components/ui/select';
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

/** Channels × scenarios, the issuance timeout (a listbox), and the live confirmation. */
export function RunForm({ channels, isAdmin, onStarted }: RunFormProps) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [scenarios, setScenarios] = useState<Set<QaScenario>>(() => new Set(QA_SCENARIOS));
  const [timeoutMs, setTimeoutMs] = useState<number>(QA_LIMITS.defaultTimeoutMs);
  const [confirmLive, setConfirmLive] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const start = useMutation({ mutationFn: api.startQaRun, onSuccess: onStarted });

  const selectable = channels.filter((channel) => channel.sandbox || isAdmin);
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
    <Card>
      <form
        method="post"
        aria-labelledby="run-form-heading"
        noValidate
        className="space-y-4 p-4 sm:p-5"
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
          {channels.length > 0 && (
            <div className="flex flex-wrap gap-2 text-sm">
              <Button
                variant="link"
                size="sm"
                aria-describedby={selectable.length < channels.length ? 'qa-channels-all-hint' : undefined}
                onClick={() => setChosen(new Set(selectable.map((channel) => channel.channelKey)))}
              >
                모든 채널 선택
              </Button>
              <Button variant="link" size="sm" onClick={() => setChosen(new Set())}>
                채널 선택 해제
              </Button>
              {selectable.length < channels.length && (
                <span id="qa-channels-all-hint" className="self-center text-slate-700">
                  (관리자만 실행할 수 있는 실제 채널은 빼고)
                </span>
              )}
            </div>
          )}
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            {channels.map((channel) => {
              const locked = !channel.sandbox && !isAdmin;
              return (
                <ChoiceLabel
                  key={channel.channelKey}
                  disabled={locked}
                  control={
                    <Checkbox
                      checked={chosen.has(channel.channelKey)}
                      disabled={locked}
                      onChange={(event) =>
                        setChosen((current) => toggle(current, channel.channelKey, event.target.checked))
                      }
                    />
                  }
                >
                  {channel.channelName} <span className="font-mono text-xs break-all">{channel.pg}</span>{' '}
                  <strong className={channel.sandbox ? 'font-normal' : 'text-red-800'}>
                    {channel.sandbox ? '(테스트)' : '(실제)'}
                  </strong>
                  {locked && ' — 관리자만 실행'}
                </ChoiceLabel>
              );
            })}
          </div>
          {fieldErrors.channelKeys ? (
            <FieldMessage id="qa-channels-error" tone="error">
              {fieldErrors.channelKeys}
            </FieldMessage>
          ) : (
            <FieldMessage id="qa-channels-hint">
              QA 역할은 테스트(샌드박스) 채널에서만 실행할 수 있습니다. {LIVE_NOTE}
            </FieldMessage>
          )}
        </fieldset>

        <fieldset className="space-y-2" aria-describedby={fieldErrors.scenarios ? 'qa-scenarios-error' : undefined}>
          <legend className="font-medium">시나리오</legend>
          <div className="flex gap-2 text-sm">
            <Button variant="link" size="sm" onClick={() => setScenarios(new Set(QA_SCENARIOS))}>
              모두 선택
            </Button>
            <Button variant="link" size="sm" onClick={() => setScenarios(new Set())}>
              모두 해제
            </Button>
          </div>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
            {QA_SCENARIO_LIST.map((info) => (
              <ChoiceLabel
                key={info.scenario}
                control={
                  <Checkbox
                    checked={scenarios.has(info.scenario)}
                    onChange={(event) =>
                      setScenarios((current) => toggle(current, info.scenario, event.target.checked))
                    }
                  />
                }
              >
                {info.label} <span className="font-mono text-xs text-slate-600">{info.scenario}</span>
              </ChoiceLabel>
            ))}
          </div>
          {fieldErrors.scenarios && (
            <FieldMessage id="qa-scenarios-error" tone="error">
              {fieldErrors.scenarios}
            </FieldMessage>
          )}
        </fieldset>

        <div className="flex flex-col gap-1">
          <label htmlFor="qa-timeout" className="text-sm font-medium">
            발급 타임아웃
          </label>
          <ChoiceSelect
            id="qa-timeout"
            value={String(timeoutMs)}
            onValueChange={(value) => setTimeoutMs(Number(value))}
            aria-describedby="qa-timeout-hint"
            className="w-40"
            options={QA_TIMEOUT_CHOICES_MS.map((ms) => ({ value: String(ms), label: `${ms / 1000}초` }))}
          />
          <FieldMessage id="qa-timeout-hint">
            이 시간 안에 답이 없으면 그 칸은 &quot;결과 불명&quot;입니다. 응답 지연 시나리오는 타임아웃보다 오래
            기다리게 합니다.
          </FieldMessage>
        </div>

        {liveChosen && (
          <Alert tone="error" title="실제 채널이 포함되어 있습니다." className="space-y-2">
            <p>{LIVE_NOTE}</p>
            <ChoiceLabel
              className="font-medium"
              control={
                <Checkbox
                  checked={confirmLive}
                  onChange={(event) => setConfirmLive(event.target.checked)}
                  aria-describedby={fieldErrors.confirmLive ? 'qa-confirm-error' : undefined}
                />
              }
            >
              실제 채널에서 실행함을 확인
            </ChoiceLabel>
            {fieldErrors.confirmLive && (
              <FieldMessage id="qa-confirm-error" tone="error">
                {fieldErrors.confirmLive}
              </FieldMessage>
            )}
          </Alert>
        )}

        <FormAlert>{start.error ? start.error.message : null}</FormAlert>
        <Button type="submit" size="lg" disabled={start.isPending}>
          {start.isPending ? '시작하는 중…' : '실행'}
        </Button>
      </form>
    </Card>
  );
}
