import type { ReactNode } from 'react';
import { None } from '@/components/ui/table';
import { Tooltip, TruncatedLink } from '@/components/ui/tooltip';
import { GONE_ACCOUNT_LABEL } from '@/lib/format';

/**
 * A staff member for people: the email, or "삭제된 계정" when no account has the id any more, with
 * the account id on hover and keyboard focus; `none` (default "—") when no account is recorded.
 * With `href` it is a link (cut to its column); without, a focusable text so the id can be reached.
 */
export function StaffLabel({
  id,
  email,
  href,
  none = <None />,
  className,
}: {
  id: string | null;
  email: string | null | undefined;
  href?: string;
  none?: ReactNode;
  className?: string;
}) {
  if (!id) return <>{none}</>;
  const text = email ?? GONE_ACCOUNT_LABEL;
  const tooltip = `${text} · 계정 ID ${id}`;
  if (href) {
    return (
      <TruncatedLink href={href} tooltip={tooltip} className={className}>
        {text}
      </TruncatedLink>
    );
  }
  return (
    <Tooltip content={tooltip}>
      <span tabIndex={0} className={className ?? 'break-all'}>
        {text}
      </span>
    </Tooltip>
  );
}
