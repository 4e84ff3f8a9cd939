'use client';

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The link as a QR code, drawn here (no outside service) as SVG. */
export function LinkQr({ url }: { url: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((text) => live && setSvg(text))
      .catch(() => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [url]);
  if (!svg) return null;
  return (
    <div
      role="img"
      aria-label="카드 등록 링크 QR 코드"
      className="size-44 shrink-0 rounded border border-slate-300 bg-white p-1"
      // The SVG is the qrcode package's own output for this URL: no markup from elsewhere.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
