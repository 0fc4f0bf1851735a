import QRCode from 'qrcode';

/**
 * The QR code an unlinked instance shows (specs/greenapi.md §2.7): a real PNG, base64, as `message` of a `qrCode`
 * frame. A new one every `qrRefreshMs` of sandbox time, counted from when the instance became unauthorized; the
 * HTTP method and the websocket show the same current code (1.3.13 "always the current image").
 */
export class QrImages {
  private cached: { key: string; image: Promise<string> } | undefined;

  /** Which code is current: the same index for everyone asking within one refresh period. */
  static index(now: number, epoch: number, refreshMs: number): number {
    return Math.max(0, Math.floor((now - epoch) / refreshMs));
  }

  image(idInstance: string, epoch: number, index: number): Promise<string> {
    const key = `${epoch}:${index}`;
    if (this.cached?.key !== key) {
      // WhatsApp's QR text looks like "2@<ref>,<key>,<key>,<key>"; what matters here is that it changes.
      const text = `2@sandbox-${idInstance}-${epoch.toString(36)}-${index},greenapi`;
      this.cached = { key, image: QRCode.toBuffer(text, { type: 'png', margin: 1 }).then((png) => png.toString('base64')) };
    }
    return this.cached.image;
  }
}
