import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageActor } from '@/lib/auth/session';
import { LinkForm } from '../_components/link-form';
import { IssueModeNav } from '@/components/issue-mode-nav';

export const metadata: Metadata = { title: '카드 등록 링크 보내기' };

export default async function NewLinkPage() {
  await requirePageActor(['links.send', 'links.send.test_only'], '/links/new');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title="카드 등록 링크 보내기"
        description="카드 정보를 듣지 않고, 고객이 자기 휴대폰에서 직접 입력하게 합니다. 링크는 한 번만 쓸 수 있고 유효 시간이 지나면 만료됩니다."
      />
      <IssueModeNav current="link" />
      <LinkForm />
    </div>
  );
}
