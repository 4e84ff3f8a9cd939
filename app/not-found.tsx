/** A 404 outside both layouts' pages (rare: the staff catch-all answers most). */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold text-slate-900">페이지를 찾을 수 없습니다</h1>
      <p className="mt-2">주소를 확인하세요.</p>
    </main>
  );
}
