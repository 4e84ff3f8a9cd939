'use client';

import * as TooltipPrimitive from '@radix-ui/react-tooltip';
import Link from 'next/link';
import type { ReactElement, ReactNode } from 'react';
import { cn } from './cn';

/**
 * A tooltip on Radix: opens on hover and on keyboard focus, closes on Escape or blur, and is tied
 * to its trigger by `aria-describedby`. The trigger must be focusable (a link or a button).
 */
export function Tooltip({
  content,
  children,
  side = 'top',
}: {
  content: ReactNode;
  /** One focusable element. */
  children: ReactElement;
  side?: 'top' | 'bottom' | 'left' | 'right';
}) {
  return (
    <TooltipPrimitive.Provider delayDuration={300}>
      <TooltipPrimitive.Root>
        <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            side={side}
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-w-[min(28rem,calc(100vw-1rem))] rounded-md bg-slate-900 px-2.5 py-1.5 text-xs break-all text-white shadow-lg"
          >
            {content}
            <TooltipPrimitive.Arrow className="fill-slate-900" />
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}

/**
 * A value cut to the width it is given (`className`, e.g. `max-w-48`), with the whole value in a
 * tooltip on hover and focus (`tooltip` when it should say more, e.g. the account id behind an
 * email). It is always a link, so it can take focus; screen readers read the full value anyway
 * (the cut is only visual).
 */
export function TruncatedLink({
  href,
  children,
  className,
  mono = false,
  tooltip,
}: {
  href: string;
  children: string;
  className?: string;
  mono?: boolean;
  tooltip?: ReactNode;
}) {
  return (
    <Tooltip content={tooltip ?? children}>
      <Link
        href={href}
        className={cn(
          'inline-block max-w-full truncate align-bottom text-blue-800 underline underline-offset-2',
          mono && 'font-mono',
          className,
        )}
      >
        {children}
      </Link>
    </Tooltip>
  );
}
