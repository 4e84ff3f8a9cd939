import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';

export default function NotFound() {
  return (
    <div className="space-y-4">
      <PageHeader title="페이지를 찾을 수 없습니다" />
      <p>
        주소를 확인하거나{' '}
        <Link href="/keys/new" className="text-blue-700 underline">
          빌링키 발급
        </Link>
        으로 이동하세요.
      </p>
    </div>
  );
}
