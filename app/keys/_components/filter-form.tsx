import Link from 'next/link';
import type { ReactNode } from 'react';
import { Field, inputClass } from '@/components/field';
import type { BillingKeyFacets } from '@/lib/billing-keys/list';
import { pgDisplayName } from '@/lib/gateways/catalog';
import {
  CARD_TYPE_FILTER_LABELS,
  CARD_TYPE_FILTERS,
  ENV_FILTER_LABELS,
  ENV_FILTERS,
  FILTER_LIMITS,
  PAGE_SIZE,
  PARAM_LABELS,
  SORT_FIELDS,
  SORT_LABELS,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  type FilterParam,
} from '@/lib/validations/billing-key-filters';

type Values = Partial<Record<FilterParam, string>>;
type Option = { value: string; label: string };

interface Props {
  /** The query as typed (normalised, not yet validated), so a bad value stays visible beside its message. */
  values: Values;
  errors: Partial<Record<FilterParam, string>>;
  facets: BillingKeyFacets;
}

const PAGE_SIZES = [20, PAGE_SIZE.default, 100, PAGE_SIZE.max].map(String);

/** A select of `options`; a value from the URL that is not among them is kept as an option of its own. */
function SelectFilter({
  name,
  values,
  errors,
  options,
  all = '전체',
  children,
}: {
  name: FilterParam;
  values: Values;
  errors: Props['errors'];
  options: Option[];
  all?: string | null;
  children?: ReactNode;
}) {
  const value = values[name] ?? '';
  const known = value === '' || options.some((option) => option.value === value) || Boolean(children);
  return (
    <Field id={`filter-${name}`} label={PARAM_LABELS[name]} error={errors[name]}>
      {(a11y) => (
        <select {...a11y} name={name} defaultValue={value} className={inputClass}>
          {all !== null && <option value="">{all}</option>}
          {!known && <option value={value}>{value}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </Field>
  );
}

const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, string>): Option[] =>
  values.map((value) => ({ value, label: labels[value] }));

/** A plain GET form: the filters live in the URL, so a view can be reloaded, bookmarked and shared. */
export function FilterForm({ values, errors, facets }: Props) {
  const mids = facets.providers.flatMap((provider) => provider.mids);
  const midKnown = !values.mid || mids.includes(values.mid);
  return (
    <form
      method="get"
      action="/keys"
      role="search"
      aria-labelledby="filters-title"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="filters-title" className="text-lg font-bold">
        검색과 필터
      </h2>
      <Field
        id="filter-q"
        label={PARAM_LABELS.q}
        error={errors.q}
        hint="고객 결제수단 ID, 고객 이름, 연락처(하이픈 없이도), 이메일의 일부, 또는 카드번호 끝 4자리. 1~2글자는 이름·ID의 앞이나 끝(성, 이름)으로 찾습니다."
      >
        {(a11y) => (
          <input
            {...a11y}
            type="search"
            name="q"
            defaultValue={values.q ?? ''}
            maxLength={FILTER_LIMITS.q}
            autoComplete="off"
            spellCheck={false}
            className={inputClass}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectFilter
          name="pg"
          values={values}
          errors={errors}
          options={facets.providers.map(({ pgProvider }) => ({
            value: pgProvider,
            label: `${pgDisplayName(pgProvider)} (${pgProvider})`,
          }))}
        />
        <SelectFilter name="mid" values={values} errors={errors} options={[]}>
          {!midKnown && <option value={values.mid}>{values.mid}</option>}
          {facets.providers.map((provider) => (
            <optgroup key={provider.pgProvider} label={pgDisplayName(provider.pgProvider)}>
              {provider.mids.map((mid) => (
                <option key={`${provider.pgProvider}.${mid}`} value={mid}>
                  {mid}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectFilter>
        <SelectFilter
          name="card"
          values={values}
          errors={errors}
          options={facets.cards.map((card) => ({
            value: card.code,
            label: card.name ? `${card.name} (${card.code})` : card.code,
          }))}
        />
        <SelectFilter
          name="card_type"
          values={values}
          errors={errors}
          options={optionsOf(CARD_TYPE_FILTERS, CARD_TYPE_FILTER_LABELS)}
        />
        <SelectFilter name="env" values={values} errors={errors} options={optionsOf(ENV_FILTERS, ENV_FILTER_LABELS)} />
        <SelectFilter
          name="status"
          values={values}
          errors={errors}
          options={optionsOf(STATUS_FILTERS, STATUS_FILTER_LABELS)}
        />
        <SelectFilter
          name="issued_by"
          values={values}
          errors={errors}
          options={facets.issuers.map((issuer) => ({ value: issuer.id, label: issuer.email ?? issuer.id }))}
        />
        <Field id="filter-from" label={`${PARAM_LABELS.from} (KST)`} error={errors.from} hint="이 날 0시부터">
          {(a11y) => (
            <input {...a11y} type="date" name="from" defaultValue={values.from ?? ''} className={inputClass} />
          )}
        </Field>
        <Field id="filter-to" label={`${PARAM_LABELS.to} (KST)`} error={errors.to} hint="이 날 24시까지">
          {(a11y) => <input {...a11y} type="date" name="to" defaultValue={values.to ?? ''} className={inputClass} />}
        </Field>
        <SelectFilter
          name="sort"
          values={values}
          errors={errors}
          all={null}
          options={optionsOf(SORT_FIELDS, SORT_LABELS)}
        />
        <SelectFilter
          name="order"
          values={values}
          errors={errors}
          all={null}
          options={[
            { value: 'desc', label: '내림차순' },
            { value: 'asc', label: '오름차순' },
          ]}
        />
        <SelectFilter
          name="page_size"
          values={values.page_size ? values : { ...values, page_size: String(PAGE_SIZE.default) }}
          errors={errors}
          all={null}
          options={PAGE_SIZES.map((size) => ({ value: size, label: `${size}개씩` }))}
        />
      </div>
      {errors.page && <p className="text-sm text-red-700">{errors.page}</p>}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          조회
        </button>
        <Link href="/keys" className="text-sm text-blue-700 underline">
          조건 지우기
        </Link>
      </div>
    </form>
  );
}
