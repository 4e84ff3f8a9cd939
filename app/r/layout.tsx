import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: { default: '카드 등록', template: '%s' },
  robots: { index: false, follow: false, nocache: true },
  referrer: 'no-referrer',
};

/**
 * The customer's own chrome: no staff header, menu, session or query client; a phone at 390 px
 * first. Headers (strict CSP, noindex, no-referrer, not frameable) are set in next.config.js.
 */
export default function CustomerLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-6 sm:py-10">
      {children}
    </main>
  );
}
