import { FilterBar } from '@/components/list/filter-bar';
import { ChoiceFilter, DateFilter, filterFieldsOf, SelectFilter, TextFilter } from '@/components/list/filter-fields';
import type { FilterBarState } from '@/components/list/list-query';
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

interface Props {
  /** The query as typed (normalised, not yet validated), so a bad value stays visible beside its message. */
  values: Values;
  errors: Partial<Record<FilterParam, string>>;
  facets: BillingKeyFacets;
  bar: FilterBarState;
}

const PAGE_SIZES = [20, PAGE_SIZE.default, 100, PAGE_SIZE.max].map(String);

const optionsOf = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** The billing-key list's filters on the shared filter bar. */
export function FilterForm({ values, errors, facets, bar }: Props) {
  const common = filterFieldsOf(PARAM_LABELS, values, errors);
  return (
    <FilterBar
      {...bar}
      label="검색과 필터"
      message={errors.page}
      search={
        <TextFilter
          {...common('q')}
          search
          limit={FILTER_LIMITS.q}
          hint="고객 결제수단 ID, 구매자 ID, 이름, 연락처(하이픈 없이도), 이메일의 일부, 카드번호 끝 4자리, 또는 마스킹된 카드번호(****0004, 52728900****0004). 1~2글자는 이름·ID의 앞이나 끝으로 찾습니다."
        />
      }
    >
      <SelectFilter
        {...common('pg')}
        options={facets.providers.map(({ pgProvider }) => ({
          value: pgProvider,
          label: `${pgDisplayName(pgProvider)} (${pgProvider})`,
        }))}
      />
      <SelectFilter
        {...common('mid')}
        groups={facets.providers.map((provider) => ({
          label: pgDisplayName(provider.pgProvider),
          options: provider.mids.map((mid) => ({ value: mid, label: mid })),
        }))}
      />
      <SelectFilter
        {...common('card')}
        options={facets.cards.map((card) => ({
          value: card.code,
          label: card.name ? `${card.name} (${card.code})` : card.code,
        }))}
      />
      <SelectFilter {...common('card_type')} options={optionsOf(CARD_TYPE_FILTERS, CARD_TYPE_FILTER_LABELS)} />
      <SelectFilter {...common('env')} options={optionsOf(ENV_FILTERS, ENV_FILTER_LABELS)} />
      <SelectFilter {...common('status')} options={optionsOf(STATUS_FILTERS, STATUS_FILTER_LABELS)} />
      <SelectFilter
        {...common('issued_by')}
        options={facets.issuers.map((issuer) => ({ value: issuer.id, label: issuer.email ?? issuer.id }))}
      />
      <DateFilter {...common('from')} label={`${PARAM_LABELS.from} (KST)`} />
      <DateFilter {...common('to')} label={`${PARAM_LABELS.to} (KST)`} />
      <ChoiceFilter {...common('sort')} fallback="issued_at" options={optionsOf(SORT_FIELDS, SORT_LABELS)} />
      <ChoiceFilter
        {...common('order')}
        fallback="desc"
        options={[
          { value: 'desc', label: '내림차순' },
          { value: 'asc', label: '오름차순' },
        ]}
      />
      <ChoiceFilter
        {...common('page_size')}
        fallback={String(PAGE_SIZE.default)}
        options={PAGE_SIZES.map((size) => ({ value: size, label: `${size}개씩` }))}
      />
    </FilterBar>
  );
}
