import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '@fontsource-variable/ibm-plex-sans/wght.css';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '빌링키 콘솔', template: '%s · 빌링키 콘솔' },
  description: 'Iamport 빌링키 발급과 관리',
  robots: { index: false, follow: false },
};

// The mode is read from the environment at request time, never baked in at build time.
export const dynamic = 'force-dynamic';

/**
 * The document only. The staff console's chrome is in `(staff)/layout.tsx`; the customer's
 * card-registration page (`/r/…`) has its own, with no staff header, menu or session.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          본문으로 건너뛰기
        </a>
        {children}
      </body>
    </html>
  );
}
