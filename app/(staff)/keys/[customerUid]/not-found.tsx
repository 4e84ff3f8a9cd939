import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';

export default function BillingKeyNotFound() {
  return (
    <div className="space-y-4">
      <PageHeader
        title="빌링키를 찾을 수 없습니다"
        description="이 고객 결제수단 ID(customer_uid)로 콘솔에 기록된 빌링키가 없고, Iamport에도 등록된 빌링키가 없습니다."
      />
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li>
          ID의 철자와 대소문자를 확인하거나 <TextLink href="/keys">빌링키 목록</TextLink>
          에서 검색하세요.
        </li>
        <li>
          발급에 실패했다면 <TextLink href="/attempts">발급 시도</TextLink>
          에서 결과를 확인하세요.
        </li>
        <li>
          새로 발급하려면 <TextLink href="/keys/new">빌링키 발급</TextLink>
          으로 이동하세요.
        </li>
      </ul>
    </div>
  );
}
