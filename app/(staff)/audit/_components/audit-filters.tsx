import { FilterBar } from '@/components/list/filter-bar';
import { DateFilter, SelectFilter, TextFilter } from '@/components/list/filter-fields';
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
  activeCount: number;
}

/** The audit trail's filters on the shared filter bar. */
export function AuditFilters({ values, errors, activeCount }: Props) {
  const common = (name: AuditParam) => ({
    name,
    label: AUDIT_PARAM_LABELS[name],
    value: values[name],
    error: errors[name],
  });
  return (
    <FilterBar
      action="/audit"
      label="검색 조건"
      clearHref="/audit"
      activeCount={activeCount}
      startOpen={Object.keys(errors).some((name) => name !== 'target')}
      hidden={
        values.limit && values.limit !== String(AUDIT_PAGE_SIZE.default) ? (
          <input type="hidden" name="limit" value={values.limit} />
        ) : null
      }
      search={
        <TextFilter
          {...common('target')}
          hint="고객 결제수단 ID(customer_uid) 또는 직원 ID, 정확히 일치"
          maxLength={AUDIT_FILTER_LIMITS.target}
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
      <TextFilter {...common('actor')} hint="이메일의 일부" maxLength={AUDIT_FILTER_LIMITS.actor} />
      <TextFilter {...common('ip')} hint="정확히 일치" maxLength={AUDIT_FILTER_LIMITS.ip} mono />
      <DateFilter {...common('from')} label={`${AUDIT_PARAM_LABELS.from} (KST)`} />
      <DateFilter {...common('to')} label={`${AUDIT_PARAM_LABELS.to} (KST)`} />
      {(errors.limit || errors.cursor) && (
        <p className="col-span-full text-sm text-red-700">{errors.limit ?? errors.cursor}</p>
      )}
    </FilterBar>
  );
}
