import type { ActiveFilter } from './list-scaffold';

/** What a list is, for the wiring every list page shares. */
export interface ListSpec {
  /** The list's path: the filter bar's action, where "조건 지우기" leads. */
  path: string;
  /** The search field's parameter, always shown, so neither counted nor folded on a phone. */
  searchName: string;
  /** The alert's title when the query did not parse. */
  invalidTitle: string;
}

/** What the filter bar itself needs of the parsed query (see `FilterBar`). */
export interface FilterBarState {
  action: string;
  errors: Partial<Record<string, string>>;
  activeCount: number;
  searchName: string;
}

/**
 * What a list page hands its filter bar and its `ListScaffold` once it has parsed the URL, worked out
 * the same way on every list: the bar's `key` (so its fields follow the URL after a chip or a link
 * changes it), the values as typed (a bad value stays visible beside its message), the field
 * messages, how many folded filters are set, and the alert for a query that did not parse (nothing
 * is listed then). `parsed` is the active filters when the query parsed, else one message per bad
 * parameter.
 */
export function listQueryView<V extends Partial<Record<string, string>>, E extends Partial<Record<string, string>>>(
  list: ListSpec,
  values: V,
  parsed: { active: readonly ActiveFilter[] } | { fields: E },
) {
  const fields = 'fields' in parsed ? parsed.fields : undefined;
  const active = 'active' in parsed ? parsed.active : [];
  const errors = fields ?? ({} as E);
  const bar: FilterBarState = {
    action: list.path,
    errors,
    activeCount: active.filter((filter) => filter.name !== list.searchName).length,
    searchName: list.searchName,
  };
  return {
    key: new URLSearchParams(values as Record<string, string>).toString(),
    filters: { values, errors, bar },
    scaffold: {
      activeFilters: active,
      clearHref: list.path,
      invalid: fields
        ? { title: list.invalidTitle, problems: Object.values(fields).filter((problem) => problem !== undefined) }
        : null,
    },
  };
}
