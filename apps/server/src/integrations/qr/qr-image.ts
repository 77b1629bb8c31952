import QRCode from 'qrcode';

/** A printable QR code (PNG) for a receipt string, as tills print them. */
export function qrPng(text: string, width = 360): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, width, type: 'png' });
}
