import sharp from 'sharp';
import { AppError } from './errors.ts';

const TYPES = {
  jpeg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  webp: { ext: 'webp', contentType: 'image/webp' },
} as const;

const startsWith = (b: Buffer, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The picture format by its first bytes; what the browser claims the file is plays no part. */
function photoKind(b: Buffer): keyof typeof TYPES | 'heic' | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(b, ascii('ftyp'), 4)) return 'heic';
  return null;
}

const refused = (message: string) =>
  new AppError('VALIDATION_FAILED', message, { fields: { photo: message } });

/**
 * A photo is stored only when it is a JPEG, PNG or WEBP picture that actually decodes and is within the
 * pixel budget, so staff never open a disguised file or a picture that would stall their browser.
 */
export async function checkPhoto(content: Buffer, maxPixels: number) {
  const kind = photoKind(content);
  if (kind === 'heic')
    throw refused(
      'Фото в формате HEIC не подходит. Отправьте JPEG: в настройках камеры выберите «Наиболее совместимый» или сделайте снимок экрана',
    );
  if (!kind) throw refused('Это не фото. Приложите снимок в формате JPEG, PNG или WEBP');
  const meta = await sharp(content)
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height)
    throw refused('Фото повреждено и не открывается. Сделайте снимок ещё раз');
  if (meta.width * meta.height > maxPixels)
    throw new AppError(
      'IMAGE_TOO_LARGE',
      `Фото больше ${Math.floor(maxPixels / 1_000_000)} мегапикселей. Уменьшите его и отправьте снова`,
      { fields: { photo: 'Слишком большое фото' } },
    );
  // A header can be fine over broken or truncated picture data; only decoding the whole picture tells.
  const decodes = await sharp(content, { failOn: 'truncated', limitInputPixels: maxPixels })
    .resize(32, 32, { fit: 'inside' })
    .toBuffer()
    .then(
      () => true,
      () => false,
    );
  if (!decodes) throw refused('Фото повреждено и не открывается. Сделайте снимок ещё раз');
  return TYPES[kind];
}
