import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { openLink } from '@/lib/links/public';
import type { PublicLinkView } from '@/lib/model/links';
import { clientIpFromHeaders } from '@/lib/request-context';
import { LinkCardForm } from './_components/link-card-form';
import { LinkOver } from './_components/link-over';

export const metadata: Metadata = { title: '카드 등록' };

/** The customer's card-registration page: what is registered, the consent and the card, or why the link is over. */
export default async function CardLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ip = clientIpFromHeaders(await headers());
  let view: PublicLinkView;
  try {
    view = await openLink(token, { actor: null, ip });
  } catch {
    // Too many requests from this address, or storage down: nothing about the link is told.
    return <LinkOver state="unavailable" merchantName={null} />;
  }
  if (view.state !== 'open') return <LinkOver state={view.state} merchantName={view.merchantName} />;
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm font-semibold text-slate-700">{view.merchantName}</p>
        <h1 className="text-2xl font-bold text-slate-900">카드 등록</h1>
        <p className="text-sm whitespace-pre-line text-slate-800">{view.purpose}</p>
        {view.testChannel && (
          <p className="rounded-lg border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            테스트 채널입니다. 실제 카드를 입력하지 마세요.
          </p>
        )}
      </header>
      <LinkCardForm token={token} pg={view.pg} providerName={view.providerName} terms={view.terms} />
    </div>
  );
}
