import Link from 'next/link';
import { Field, inputClass } from '@/components/field';
import {
  AUDIT_ACTIONS,
  AUDIT_FILTER_LIMITS,
  AUDIT_PAGE_SIZE,
  AUDIT_PARAM_LABELS,
  AUDIT_RESULT_LABELS,
  AUDIT_RESULTS,
  auditActionLabel,
  type AuditParam,
  type AuditQueryInput,
} from '@/lib/validations/audit';

interface Props {
  /** The query as typed (normalised, not yet validated), so a bad value stays visible beside its message. */
  values: AuditQueryInput;
  errors: Partial<Record<AuditParam, string>>;
}

const TEXT_FILTERS = [
  { name: 'actor', hint: '이메일의 일부 (대소문자 구분 없음)', limit: AUDIT_FILTER_LIMITS.actor, mono: false },
  {
    name: 'target',
    hint: '고객 결제수단 ID(customer_uid) 또는 직원 ID, 정확히 일치',
    limit: AUDIT_FILTER_LIMITS.target,
    mono: true,
  },
  { name: 'ip', hint: '정확히 일치, 예: 203.0.113.9', limit: AUDIT_FILTER_LIMITS.ip, mono: true },
] as const;

/** A plain GET form: the filters live in the URL, so a view can be reloaded, bookmarked and shared. */
export function AuditFilters({ values, errors }: Props) {
  const action = values.action ?? '';
  const knownAction = action === '' || (AUDIT_ACTIONS as readonly string[]).includes(action);
  const result = values.result ?? '';
  const knownResult = result === '' || (AUDIT_RESULTS as readonly string[]).includes(result);
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-labelledby="filters-title"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="filters-title" className="text-lg font-bold">
        검색 조건
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="filter-action" label={AUDIT_PARAM_LABELS.action} error={errors.action}>
          {(a11y) => (
            <select {...a11y} name="action" defaultValue={action} className={inputClass}>
              <option value="">전체</option>
              {!knownAction && <option value={action}>{action}</option>}
              {AUDIT_ACTIONS.map((code) => (
                <option key={code} value={code}>
                  {auditActionLabel(code)} ({code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="filter-result" label={AUDIT_PARAM_LABELS.result} error={errors.result}>
          {(a11y) => (
            <select {...a11y} name="result" defaultValue={result} className={inputClass}>
              <option value="">전체</option>
              {!knownResult && <option value={result}>{result}</option>}
              {AUDIT_RESULTS.map((code) => (
                <option key={code} value={code}>
                  {AUDIT_RESULT_LABELS[code]} ({code})
                </option>
              ))}
            </select>
          )}
        </Field>
        {TEXT_FILTERS.map((filter) => (
          <Field
            key={filter.name}
            id={`filter-${filter.name}`}
            label={AUDIT_PARAM_LABELS[filter.name]}
            hint={filter.hint}
            error={errors[filter.name]}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="text"
                name={filter.name}
                defaultValue={values[filter.name] ?? ''}
                maxLength={filter.limit}
                autoComplete="off"
                spellCheck={false}
                className={`${inputClass} ${filter.mono ? 'font-mono' : ''}`}
              />
            )}
          </Field>
        ))}
        <Field id="filter-from" label={`${AUDIT_PARAM_LABELS.from} (KST)`} hint="이 날 0시부터" error={errors.from}>
          {(a11y) => (
            <input {...a11y} type="date" name="from" defaultValue={values.from ?? ''} className={inputClass} />
          )}
        </Field>
        <Field id="filter-to" label={`${AUDIT_PARAM_LABELS.to} (KST)`} hint="이 날 24시까지" error={errors.to}>
          {(a11y) => <input {...a11y} type="date" name="to" defaultValue={values.to ?? ''} className={inputClass} />}
        </Field>
      </div>
      {values.limit && values.limit !== String(AUDIT_PAGE_SIZE.default) && (
        <input type="hidden" name="limit" value={values.limit} />
      )}
      {errors.limit && <p className="text-sm text-red-700">{errors.limit}</p>}
      {errors.cursor && <p className="text-sm text-red-700">{errors.cursor}</p>}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          조회
        </button>
        <Link href="/audit" className="text-sm text-blue-700 underline">
          조건 지우기
        </Link>
      </div>
    </form>
  );
}
