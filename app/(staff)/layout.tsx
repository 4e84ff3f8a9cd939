import type { ReactNode } from 'react';
import { SandboxBanner } from '@/components/sandbox-banner';
import { SiteHeader } from '@/components/site-header';
import { isSandboxMode } from '@/lib/env';
import { Providers } from '../providers';

/** The staff console's chrome: sandbox banner, header with menu and account, the query client. */
export default function StaffLayout({ children }: { children: ReactNode }) {
  const sandbox = isSandboxMode();
  return (
    <>
      {sandbox && <SandboxBanner />}
      <SiteHeader mode={sandbox ? 'sandbox' : 'live'} />
      <Providers>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:py-8">
          {children}
        </main>
      </Providers>
    </>
  );
}
