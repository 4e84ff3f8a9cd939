/** Shown on every page in sandbox mode, so nobody mistakes a simulated key for a real one. */
export function SandboxBanner() {
  return (
    <div
      role="region"
      aria-label="샌드박스 모드 안내"
      className="border-b-4 border-amber-500 bg-amber-100 px-4 py-2 text-center text-sm text-amber-950"
    >
      <strong className="mr-2 rounded bg-amber-900 px-2 py-0.5 font-bold tracking-wide text-white">SANDBOX</strong>
      샌드박스 모드: 실제 Iamport가 아닌 내장 시뮬레이터에 연결되어 있습니다. 여기서 발급한 빌링키로는 결제되지
      않습니다.
    </div>
  );
}
