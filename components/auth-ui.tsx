import type { ReactNode } from 'react';

/** Shared look of the account screens (sign-in, setup, staff, security). */
export const primaryButtonClass =
  'rounded-md bg-blue-700 px-5 py-2.5 text-base font-semibold text-white hover:bg-blue-800 disabled:cursor-wait disabled:opacity-60';
export const secondaryButtonClass =
  'rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:cursor-wait disabled:opacity-60';
export const dangerButtonClass =
  'rounded-md border border-red-700 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:cursor-wait disabled:opacity-60';
export const sectionClass = 'space-y-4 rounded-xl border border-slate-200 bg-white p-5';

/** A form-level error, announced at once (role="alert"); `id` lets the form point at it. */
export function FormAlert({ id, children }: { id?: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {children}
    </p>
  );
}

/** A success or progress note, announced politely. */
export function FormStatus({ children }: { children: ReactNode }) {
  return (
    <p role="status" aria-live="polite" className="text-sm text-green-800">
      {children}
    </p>
  );
}
