import type { ReactNode } from 'react';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { ChoiceSelect, type ChoiceOption } from '@/components/ui/select';

/**
 * The controls of a filter bar, one kind per kind of value. Each takes the value as typed in the
 * URL (so a bad value stays visible beside its message) and the field's error.
 */
interface Common {
  name: string;
  label: string;
  value: string | undefined;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

const idOf = (name: string) => `filter-${name}`;

/**
 * The props every control of one list's bar takes from the same three tables: `fieldsOf(name)`
 * gives the control its name, its label, the value as typed and its message.
 */
export function filterFieldsOf<P extends string>(
  labels: Record<P, string>,
  values: Partial<Record<P, string>>,
  errors: Partial<Record<P, string>>,
) {
  return (name: P) => ({ name, label: labels[name], value: values[name], error: errors[name] });
}

export function TextFilter({
  name,
  label,
  value,
  error,
  hint,
  limit,
  mono = false,
  search = false,
  className,
}: Common & {
  /**
   * The longest value the server accepts. The control does not enforce it (typing is never cut);
   * a longer value from the URL says "N자 초과 (최대 M자)" beside the label, as a form field does.
   */
  limit?: number;
  mono?: boolean;
  /** The search box at the front of the bar (`type="search"`). */
  search?: boolean;
}) {
  return (
    <Field
      id={idOf(name)}
      label={label}
      error={error}
      hint={hint}
      limit={limit === undefined ? undefined : { max: limit, length: value?.length ?? 0 }}
      size="sm"
      className={className}
    >
      {(a11y) => (
        <Input
          {...a11y}
          type={search ? 'search' : 'text'}
          name={name}
          size="sm"
          mono={mono}
          defaultValue={value ?? ''}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );
}

export function DateFilter({ name, label, value, error, hint, className }: Common) {
  return (
    <Field id={idOf(name)} label={label} error={error} hint={hint} size="sm" className={className}>
      {(a11y) => <Input {...a11y} type="date" name={name} size="sm" defaultValue={value ?? ''} />}
    </Field>
  );
}

export interface OptionGroup {
  label: string;
  options: readonly ChoiceOption[];
}

/**
 * A native select with an "any" first option; a value from the URL that is not among the options is
 * kept as an option of its own, so the form shows what the URL says.
 */
export function SelectFilter({
  name,
  label,
  value,
  error,
  hint,
  options = [],
  groups = [],
  anyLabel = '전체',
  className,
}: Common & { options?: readonly ChoiceOption[]; groups?: readonly OptionGroup[]; anyLabel?: string }) {
  const current = value ?? '';
  const known =
    current === '' ||
    options.some((option) => option.value === current) ||
    groups.some((group) => group.options.some((option) => option.value === current));
  return (
    <Field id={idOf(name)} label={label} error={error} hint={hint} size="sm" className={className}>
      {(a11y) => (
        <NativeSelect {...a11y} name={name} size="sm" defaultValue={current}>
          <option value="">{anyLabel}</option>
          {!known && <option value={current}>{current}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={`${group.label}.${option.value}`} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </NativeSelect>
      )}
    </Field>
  );
}

/**
 * A required choice with no "any" (sort, order, page size), on the Radix listbox; it submits with
 * the form by `name`. An unknown value from the URL is kept as an option of its own.
 */
export function ChoiceFilter({
  name,
  label,
  value,
  fallback,
  error,
  options,
  className,
}: Omit<Common, 'hint'> & { fallback: string; options: readonly ChoiceOption[] }) {
  const current = value ?? fallback;
  const all = options.some((option) => option.value === current)
    ? options
    : [{ value: current, label: current }, ...options];
  return (
    <Field id={idOf(name)} label={label} error={error} size="sm" className={className}>
      {(a11y) => <ChoiceSelect {...a11y} name={name} size="sm" defaultValue={current} options={all} />}
    </Field>
  );
}
