import { FilterBar } from '@/components/list/filter-bar';
import { DateFilter, filterFieldsOf, SelectFilter, TextFilter } from '@/components/list/filter-fields';
import type { FilterBarState } from '@/components/list/list-query';
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
  bar: FilterBarState;
}

/** The audit trail's filters on the shared filter bar. */
export function AuditFilters({ values, errors, bar }: Props) {
  const common = filterFieldsOf(AUDIT_PARAM_LABELS, values, errors);
  return (
    <FilterBar
      {...bar}
      label="검색 조건"
      message={errors.limit ?? errors.cursor}
      hidden={
        values.limit && values.limit !== String(AUDIT_PAGE_SIZE.default) ? (
          <input type="hidden" name="limit" value={values.limit} />
        ) : null
      }
      search={
        <TextFilter
          {...common('target')}
          hint="고객 결제수단 ID(customer_uid) 또는 직원 ID, 정확히 일치"
          limit={AUDIT_FILTER_LIMITS.target}
          mono
        />
      }
    >
      <SelectFilter
        {...common('action')}
        options={AUDIT_ACTIONS.map((code) => ({ value: code, label: auditActionLabel(code) }))}
      />
      <SelectFilter
        {...common('result')}
        options={AUDIT_RESULTS.map((code) => ({ value: code, label: AUDIT_RESULT_LABELS[code] }))}
      />
      <TextFilter {...common('actor')} hint="이메일의 일부" limit={AUDIT_FILTER_LIMITS.actor} />
      <TextFilter {...common('ip')} hint="정확히 일치" limit={AUDIT_FILTER_LIMITS.ip} mono />
      <DateFilter {...common('from')} label={`${AUDIT_PARAM_LABELS.from} (KST)`} />
      <DateFilter {...common('to')} label={`${AUDIT_PARAM_LABELS.to} (KST)`} />
    </FilterBar>
  );
}
