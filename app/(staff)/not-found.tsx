import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';

export default function NotFound() {
  return (
    <div className="space-y-4">
      <PageHeader title="페이지를 찾을 수 없습니다" />
      <p>
        주소를 확인하거나 <TextLink href="/keys/new">빌링키 발급</TextLink>
        으로 이동하세요.
      </p>
    </div>
  );
}
