'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Fragment, useId, type ReactNode } from 'react';
import { buttonVariants } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { ChevronDownIcon, MenuIcon } from '@/components/ui/icons';
import { useSignOut } from './sign-out-button';

/** A header link the viewer may open; `group` folds it into that group's menu. */
export interface NavLink {
  href: string;
  label: string;
  group?: string;
}

/** Who is signed in, for the phone's menu: above `md` the account shows in the header (user-menu.tsx). */
export interface NavAccount {
  email: string;
  role: string;
  links: readonly NavLink[];
}

const linkClass = 'text-blue-700 underline-offset-4 hover:underline aria-[current=page]:font-bold';

/** The link of the page shown: the longest href that is the path or a folder of it (/keys/x → /keys). */
function currentHref(pathname: string, links: readonly NavLink[]): string | undefined {
  return links
    .filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

function groupsOf(links: readonly NavLink[]) {
  const groups = new Map<string, NavLink[]>();
  for (const link of links) if (link.group) groups.set(link.group, [...(groups.get(link.group) ?? []), link]);
  return [...groups].map(([label, items]) => ({ label, items }));
}

function MenuLinks({ links, current }: { links: readonly NavLink[]; current: string | undefined }) {
  return links.map((link) => (
    <DropdownMenuItem key={link.href} asChild>
      <Link href={link.href} aria-current={link.href === current ? 'page' : undefined}>
        {link.label}
      </Link>
    </DropdownMenuItem>
  ));
}

/** One group of the phone's menu, named by its label. */
function LabelledGroup({ label, children }: { label: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <DropdownMenuGroup aria-labelledby={id}>
      <DropdownMenuLabel id={id} className="max-w-72 truncate">
        {label}
      </DropdownMenuLabel>
      {children}
    </DropdownMenuGroup>
  );
}

/**
 * The main menu. From `md` the frequent links show in a row and each group (관리) is a menu named by
 * the group; below `md` one 메뉴 button holds them all, and the account's links and 로그아웃 with them,
 * so the header stays one row on a phone. The page shown is marked `aria-current`.
 * The menus render inside the `<nav>`, so their links stay in the landmark, and are not modal: the
 * page behind is not hidden from screen readers while one is open (it would hide the h1 with it).
 */
export function SiteNav({ links, account }: { links: readonly NavLink[]; account?: NavAccount }) {
  const pathname = usePathname();
  const { busy, signOut } = useSignOut();
  const current = currentHref(pathname, [...links, ...(account?.links ?? [])]);
  const top = links.filter((link) => !link.group);
  const groups = groupsOf(links);
  if (links.length === 0) return null;
  return (
    <nav aria-label="주 메뉴" className="md:order-last md:w-full xl:order-none xl:w-auto">
      <ul className="hidden items-center gap-x-4 text-sm whitespace-nowrap md:flex">
        {top.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className={linkClass} aria-current={link.href === current ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
        {groups.map((group) => (
          <li key={group.label}>
            <DropdownMenu modal={false}>
              <DropdownMenuTrigger
                className={cn(
                  'inline-flex items-center gap-0.5 rounded-sm text-blue-700 underline-offset-4 hover:underline data-[state=open]:underline',
                  group.items.some((link) => link.href === current) && 'font-bold',
                )}
              >
                {group.label}
                <ChevronDownIcon className="size-4" />
              </DropdownMenuTrigger>
              <DropdownMenuContent portal={false} align="start">
                <MenuLinks links={group.items} current={current} />
              </DropdownMenuContent>
            </DropdownMenu>
          </li>
        ))}
      </ul>
      <div className="md:hidden">
        <DropdownMenu modal={false}>
          <DropdownMenuTrigger className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
            <MenuIcon />
            메뉴
          </DropdownMenuTrigger>
          <DropdownMenuContent portal={false} align="start">
            <MenuLinks links={top} current={current} />
            {groups.map((group) => (
              <Fragment key={group.label}>
                <DropdownMenuSeparator />
                <LabelledGroup label={group.label}>
                  <MenuLinks links={group.items} current={current} />
                </LabelledGroup>
              </Fragment>
            ))}
            {account && (
              <>
                <DropdownMenuSeparator />
                <LabelledGroup
                  label={
                    <>
                      <span className="sr-only">내 계정: </span>
                      {account.email} · {account.role}
                    </>
                  }
                >
                  <MenuLinks links={account.links} current={current} />
                  <DropdownMenuItem disabled={busy} onSelect={signOut}>
                    {busy ? '로그아웃 중…' : '로그아웃'}
                  </DropdownMenuItem>
                </LabelledGroup>
              </>
            )}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </nav>
  );
}
