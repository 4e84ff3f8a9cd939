import { Skeleton } from '@/components/ui/empty-state';

/** The list's shape while its first page loads (a route's loading.tsx); the region says it is busy. */
export function ListLoading({ title }: { title: string }) {
  return (
    <div className="space-y-4" aria-busy="true">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p role="status" className="text-sm text-slate-700">
        목록을 불러오는 중입니다…
      </p>
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <Skeleton className="h-9 w-full max-w-xl" />
        <Skeleton className="h-9 w-2/3" />
      </div>
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        {Array.from({ length: 6 }, (_, row) => (
          <Skeleton key={row} className="h-6 w-full" />
        ))}
      </div>
    </div>
  );
}
