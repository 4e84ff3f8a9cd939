import Link from 'next/link';
import { Field, inputClass } from '@/components/field';
import { ATTEMPT_OUTCOME_LABELS, ATTEMPT_OUTCOMES, type AttemptsQueryInput } from '@/lib/validations/attempts';

interface Props {
  values: AttemptsQueryInput;
  errors: Record<string, string>;
}

const TEXT_FILTERS = [
  { name: 'customer_uid', label: '고객 결제수단 ID', hint: '정확히 일치하는 ID', mono: true },
  { name: 'pg_provider', label: 'PG사', hint: '예: nice, kcp, ksnet', mono: true },
  { name: 'pg_id', label: '상점아이디 (MID)', hint: '예: nictest04m', mono: true },
  { name: 'pg_code', label: 'PG 코드', hint: '거절 메시지의 [ ] 안 코드, 예: F114', mono: true },
] as const;

/** A plain GET form: the filters live in the URL, so a search can be bookmarked and shared. */
export function AttemptFilters({ values, errors }: Props) {
  return (
    <form
      method="get"
      action="/attempts"
      aria-labelledby="filters-title"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="filters-title" className="text-lg font-bold">
        검색 조건
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="filter-outcome" label="결과" error={errors.outcome}>
          {(a11y) => (
            <select {...a11y} name="outcome" defaultValue={values.outcome ?? ''} className={inputClass}>
              <option value="">전체</option>
              {ATTEMPT_OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {ATTEMPT_OUTCOME_LABELS[outcome]} ({outcome})
                </option>
              ))}
            </select>
          )}
        </Field>
        {TEXT_FILTERS.map((filter) => (
          <Field
            key={filter.name}
            id={`filter-${filter.name}`}
            label={filter.label}
            apiName={filter.name}
            hint={filter.hint}
            error={errors[filter.name]}
          >
            {(a11y) => (
              <input
                {...a11y}
                type="text"
                name={filter.name}
                defaultValue={values[filter.name] ?? ''}
                autoComplete="off"
                spellCheck={false}
                className={`${inputClass} ${filter.mono ? 'font-mono' : ''}`}
              />
            )}
          </Field>
        ))}
        <Field id="filter-from" label="시작일 (KST)" hint="이 날 0시부터" error={errors.from}>
          {(a11y) => (
            <input {...a11y} type="date" name="from" defaultValue={values.from ?? ''} className={inputClass} />
          )}
        </Field>
        <Field id="filter-to" label="종료일 (KST)" hint="이 날 24시까지" error={errors.to}>
          {(a11y) => <input {...a11y} type="date" name="to" defaultValue={values.to ?? ''} className={inputClass} />}
        </Field>
      </div>
      {values.limit && <input type="hidden" name="limit" value={values.limit} />}
      {errors.limit && <p className="text-sm text-red-700">{errors.limit}</p>}
      {errors.cursor && <p className="text-sm text-red-700">{errors.cursor}</p>}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          검색
        </button>
        <Link href="/attempts" className="text-sm text-blue-700 underline">
          조건 지우기
        </Link>
      </div>
    </form>
  );
}
