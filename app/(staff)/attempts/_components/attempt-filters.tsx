import { FilterBar } from '@/components/list/filter-bar';
import { DateFilter, SelectFilter, TextFilter } from '@/components/list/filter-fields';
import type { FilterBarState } from '@/components/list/list-query';
import {
  ATTEMPT_FILTER_LABELS,
  ATTEMPT_OUTCOME_LABELS,
  ATTEMPT_OUTCOMES,
  type AttemptsQueryInput,
} from '@/lib/validations/attempts';

interface Props {
  values: AttemptsQueryInput;
  errors: Record<string, string>;
  bar: FilterBarState;
}

const TEXT_FILTERS = [
  { name: 'pg_provider', label: 'PG사', hint: '예: nice, kcp, ksnet' },
  { name: 'pg_id', label: '상점아이디 (MID)', hint: '예: nictest04m' },
  { name: 'pg_code', label: 'PG 코드', hint: 'PG의 거절 사유 코드, 예: F114, 7051' },
] as const;

/** The attempts list's filters on the shared filter bar. */
export function AttemptFilters({ values, errors, bar }: Props) {
  return (
    <FilterBar
      {...bar}
      label="검색 조건"
      message={errors.limit ?? errors.cursor}
      hidden={values.limit ? <input type="hidden" name="limit" value={values.limit} /> : null}
      search={
        <TextFilter
          name="customer_uid"
          label="고객 결제수단 ID"
          value={values.customer_uid}
          error={errors.customer_uid}
          hint="정확히 일치하는 ID"
          mono
        />
      }
    >
      <SelectFilter
        name="outcome"
        label={ATTEMPT_FILTER_LABELS.outcome}
        value={values.outcome}
        error={errors.outcome}
        options={ATTEMPT_OUTCOMES.map((outcome) => ({ value: outcome, label: ATTEMPT_OUTCOME_LABELS[outcome] }))}
      />
      {TEXT_FILTERS.map((filter) => (
        <TextFilter
          key={filter.name}
          name={filter.name}
          label={filter.label}
          value={values[filter.name]}
          error={errors[filter.name]}
          hint={filter.hint}
          mono
        />
      ))}
      <DateFilter name="from" label="시작일 (KST)" value={values.from} error={errors.from} />
      <DateFilter name="to" label="종료일 (KST)" value={values.to} error={errors.to} />
    </FilterBar>
  );
}
