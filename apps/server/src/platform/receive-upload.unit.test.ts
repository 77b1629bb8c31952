import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatForm, PDF } from '../../test/chat-helpers.ts';
import { registerErrorHandler } from './http.ts';
import { receiveUpload, type UploadRules } from './receive-upload.ts';

const app = Fastify();
const KB = 1024;

beforeAll(async () => {
  await app.register(multipart);
  registerErrorHandler(app);
  const route = (url: string, rules: UploadRules) =>
    app.post(url, async (req) => {
      const { fields, files } = await receiveUpload(req, rules);
      return { fields, files: files.map((f) => ({ fileName: f.fileName, bytes: f.content.length })) };
    });
  route('/one', { field: 'files', maxBytes: 64 * KB, required: 'Выберите файл' });
  route('/photo', { field: 'files', maxBytes: 3 * 1024 * KB, label: 'Фото' });
  route('/several', { field: 'files', maxBytes: 64 * KB, maxFiles: 3 });
  await app.ready();
});
afterAll(() => app.close());

const post = (url: string, fields: Record<string, string>, files: { name: string; content: Buffer }[]) =>
  app.inject({ method: 'POST', url, ...chatForm(fields, files) });

describe('receiveUpload', () => {
  it('returns the text fields and the files as they came', async () => {
    const res = await post('/several', { comment: 'акт за октябрь' }, [
      { name: 'a.pdf', content: PDF },
      { name: 'b.pdf', content: PDF },
    ]);
    expect(res.json()).toEqual({
      fields: { comment: 'акт за октябрь' },
      files: [
        { fileName: 'a.pdf', bytes: PDF.length },
        { fileName: 'b.pdf', bytes: PDF.length },
      ],
    });
  });

  it('answers 413 naming the field and the limit for a file over it', async () => {
    const big = Buffer.alloc(64 * KB + 1);
    const one = await post('/one', {}, [{ name: 'скан.pdf', content: big }]);
    expect(one.statusCode).toBe(413);
    expect(one.json()).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Файл больше 64 КБ — такой файл не принимается',
      details: { limit: 64 * KB, fields: { files: 'Не больше 64 КБ' } },
    });
    const photo = await post('/photo', {}, [{ name: 'фото.jpg', content: Buffer.alloc(3 * 1024 * KB + 1) }]);
    expect(photo.json().message).toBe('Фото больше 3 МБ — такой файл не принимается');
    const several = await post('/several', {}, [
      { name: 'a.pdf', content: PDF },
      { name: 'большой.pdf', content: big },
    ]);
    expect(several.statusCode).toBe(413);
    expect(several.json().details.fields.files).toBe('Файл «большой.pdf» больше 64 КБ');
  });

  it('answers 400 naming the field for a file too many, a file in another field and a missing file', async () => {
    const two = await post('/one', {}, [
      { name: 'a.pdf', content: PDF },
      { name: 'b.pdf', content: PDF },
    ]);
    expect([two.statusCode, two.json().details.fields]).toEqual([400, { files: 'Загрузите один файл' }]);
    const four = await post('/several', {}, Array(4).fill({ name: 'a.pdf', content: PDF }));
    expect([four.statusCode, four.json().details.fields]).toEqual([400, { files: 'Не больше 3 файлов' }]);
    const none = await post('/one', { comment: 'без файла' }, []);
    expect([none.statusCode, none.json().details.fields]).toEqual([400, { files: 'Выберите файл' }]);
  });

  it('refuses a file sent in a field that takes none', async () => {
    const form = chatForm({}, [{ name: 'a.pdf', content: PDF }]);
    const payload = Buffer.from(
      form.payload.toString('latin1').replace('name="files"', 'name="scan"'),
      'latin1',
    );
    const res = await app.inject({ method: 'POST', url: '/one', payload, headers: form.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toEqual({ scan: 'Файл нужно приложить в поле «files»' });
  });
});
