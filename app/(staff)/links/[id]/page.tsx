import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { pageContext, requirePageActor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { getLinkDetail } from '@/lib/links/links';
import { LinkLive } from '../_components/link-live';

export const metadata: Metadata = { title: '카드 등록 링크' };

export default async function LinkPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(['links.view', 'links.view.own'], '/links');
  const { id } = await params;
  let detail;
  try {
    detail = await getLinkDetail(id, await pageContext(actor));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="카드 등록 링크"
        description={
          <>
            <span className="break-all">{detail.link.customerUid}</span> · {detail.link.pg}
            {detail.link.testChannel ? ' (테스트)' : ''} · 보낸 사람{' '}
            <span className="break-all">{detail.link.createdByEmail ?? '알 수 없음'}</span>
          </>
        }
      />
      <LinkLive id={detail.link.id} />
    </div>
  );
}
