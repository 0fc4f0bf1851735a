import QRCode from 'qrcode';
import { useLayoutEffect, useRef } from 'react';
import type { AuthQr } from '../../../shared/auth';
import { markQr } from './auth-sessions-store';

type QrCanvasProps = {
  sessionId: string;
  qr: AuthQr;
  /** Not scannable any more (reconnecting, past its life): greyed out, with the reason beside it. */
  stale: boolean;
  label: string;
  /** The dialog's code, or a QR wall tile's. */
  size?: 'large' | 'small';
};

const PIXELS = { large: 264, small: 184 } as const;

/**
 * One QR code on a canvas: Chategy/Jetapi's text drawn with `qrcode`, GREEN-API's PNG decoded and scaled without
 * smoothing. It is redrawn only when the code itself changes; a repeat of the same code costs nothing.
 */
export function QrCanvas({ sessionId, qr, stale, label, size = 'large' }: QrCanvasProps) {
  const pixels = PIXELS[size];
  const canvas = useRef<HTMLCanvasElement>(null);
  // The latest QR for the mark after painting, without making the draw depend on its timing fields.
  const latest = useRef(qr);
  latest.current = qr;

  useLayoutEffect(() => {
    const target = canvas.current;
    if (!target) return;
    let cancelled = false;
    const painted = () => {
      // The frame after the draw is when it is on screen: that is what the latency figures measure.
      requestAnimationFrame(() => setTimeout(() => !cancelled && markQr('qr-painted', sessionId, latest.current)));
    };
    if (qr.format === 'text') {
      // Error correction L keeps the modules large: the code is shown, not printed.
      void QRCode.toCanvas(target, qr.data, { width: pixels, margin: 2, errorCorrectionLevel: 'L', color: { dark: '#000000', light: '#ffffff' } }).then(painted, () => {});
    } else {
      void drawPng(target, qr.data, pixels).then(() => !cancelled && painted(), () => {});
    }
    return () => {
      cancelled = true;
    };
  }, [qr.format, qr.data, sessionId, pixels]);

  return (
    <div className={`qr-frame qr-frame-${size}${stale ? ' qr-stale' : ''}`}>
      <canvas ref={canvas} width={pixels} height={pixels} role="img" aria-label={label} />
    </div>
  );
}

async function drawPng(target: HTMLCanvasElement, base64: string, size: number): Promise<void> {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const context = target.getContext('2d');
  if (!context) return;
  target.width = size;
  target.height = size;
  context.imageSmoothingEnabled = false;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size, size);
  context.drawImage(bitmap, 0, 0, size, size);
  bitmap.close();
}
