import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/**
 * PostgreSQL refuses the NUL character in text, and a lone UTF-16 surrogate cannot be stored as UTF-8: both
 * are refused at the edge, before they can turn into a 500 deep in a query.
 */
const BAD_CHAR = /\0|\p{Cs}/u;
/** Multipart fields arrive already decoded; bytes that were not UTF-8 show up as the replacement character. */
const BAD_DECODED = /\0|\p{Cs}|\uFFFD/u;

const invalidText = (where: string) =>
  new AppError(
    'INVALID_TEXT',
    `В поле «${where}» есть недопустимые символы (нулевой байт или испорченная кодировка). Уберите их и повторите`,
    { fields: { [where]: 'Недопустимые символы' } },
  );

/** The first string or key in a parsed JSON value that cannot be stored as text, with its path. */
function badTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return BAD_CHAR.test(value) ? path || '_' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = badTextPath(value[i], path ? `${path}.${i}` : String(i));
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (BAD_CHAR.test(k)) return at;
      const bad = badTextPath(v, at);
      if (bad) return bad;
    }
  }
  return null;
}

/** The bytes a URL stands for: %XX sequences decoded, everything else as UTF-8. */
function urlBytes(url: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < url.length; i++) {
    const hex = url[i] === '%' ? url.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      const cp = url.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
    }
  }
  return Buffer.from(bytes);
}

function urlIsClean(url: string): boolean {
  if (BAD_CHAR.test(url)) return false;
  const bytes = urlBytes(url);
  return !bytes.includes(0) && isUtf8(bytes);
}

const multipartOnly = (req: FastifyRequest) => {
  const consumes = (req.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes;
  return !!consumes?.includes('multipart/form-data') && !consumes.includes('application/json');
};

/**
 * One check at the HTTP edge for every route: the address and query, JSON and plain-text bodies and
 * multipart form fields must be valid UTF-8 without NUL; an upload route takes only a multipart form.
 */
export function registerTextGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (!urlIsClean(req.url)) throw invalidText(req.url.includes('?') ? 'строка запроса' : 'адрес');
  });

  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    if (!isUtf8(body)) return done(invalidText('тело запроса'), undefined);
    json(req, body.toString('utf8'), (err, value) => {
      if (err) return done(err, undefined);
      const bad = badTextPath(value);
      done(bad ? invalidText(bad) : null, bad ? undefined : value);
    });
  });
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    const text = body.toString('utf8');
    if (!isUtf8(body) || BAD_CHAR.test(text)) return done(invalidText('тело запроса'), undefined);
    done(null, text);
  });

  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart()) {
      if (multipartOnly(req))
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Файл нужно отправить формой загрузки (multipart/form-data), а не JSON или другим телом запроса',
        );
      return;
    }
    // Every reader of the form (parts, file, files, saveRequestFiles) goes through parts.
    const parts = req.parts.bind(req);
    req.parts = ((options) => checkedParts(() => parts(options))) as typeof req.parts;
  });
}

/** Limits (FST_…) are the routes' to explain; anything else the form parser throws means a broken form. */
function formError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^FST_(PARTS|FILES|FIELDS)_LIMIT$|^FST_REQ_FILE_TOO_LARGE$/.test(code))
    return e;
  return new AppError(
    'VALIDATION_FAILED',
    'Форма загрузки пришла повреждённой или не полностью. Выберите файл и отправьте форму ещё раз',
  );
}

async function* checkedParts<P extends { type: string; fieldname: string }>(
  open: () => AsyncIterableIterator<P>,
) {
  try {
    for await (const part of open()) {
      const p = part as P & { value?: unknown; filename?: string; toBuffer?: () => Promise<Buffer> };
      if (BAD_DECODED.test(p.fieldname)) throw invalidText('имя поля');
      if (p.type === 'field' && typeof p.value === 'string' && BAD_DECODED.test(p.value))
        throw invalidText(p.fieldname);
      if (p.type === 'file' && p.filename && BAD_DECODED.test(p.filename)) throw invalidText('имя файла');
      const toBuffer = p.toBuffer?.bind(p);
      if (toBuffer)
        p.toBuffer = () =>
          toBuffer().catch((e: unknown) => {
            throw formError(e);
          });
      yield part;
    }
  } catch (e) {
    throw formError(e);
  }
}
