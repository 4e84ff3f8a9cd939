import type { Metadata } from 'next';

export const metadata: Metadata = { title: '빈 화면' };

/**
 * An empty page, public: the baseline `npm run bench` compares `/keys/new`'s first-load
 * JavaScript with (what every page of this build ships anyway: layout, header, providers).
 */
export default function EmptyBenchPage() {
  return null;
}
