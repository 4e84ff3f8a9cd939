import { ListLoading } from '@/components/list/list-loading';

export default function Loading() {
  return <ListLoading title="빌링키 목록" />;
}
