import { describe, expect, it } from 'vitest';
import { checkFile, cleanFileName } from './chat-files.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('chat files', () => {
  it('keeps only the file name, without path or control characters', () => {
    expect(cleanFileName('../../etc/выписка.pdf')).toBe('выписка.pdf');
    expect(cleanFileName('C:\\Users\\Оля\\акт "1".pdf')).toBe('акт 1.pdf');
    expect(cleanFileName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(cleanFileName('  ')).toBe('файл');
  });

  it('accepts a file whose first bytes match its extension', () => {
    expect(checkFile({ fileName: 'снимок.png', content: PNG })).toMatchObject({ contentType: 'image/png' });
    expect(checkFile({ fileName: 'акт.pdf', content: Buffer.from('%PDF-1.7') }).contentType).toBe(
      'application/pdf',
    );
    expect(checkFile({ fileName: 'реестр.csv', content: Buffer.from('a;b\n1;2') }).contentType).toBe(
      'text/csv',
    );
  });

  it('refuses empty files, unknown types and files that are not what they claim', () => {
    const code = (f: { fileName: string; content: Buffer }) => {
      try {
        checkFile(f);
        return 'ok';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code({ fileName: 'пусто.pdf', content: Buffer.alloc(0) })).toBe('VALIDATION_FAILED');
    expect(code({ fileName: 'стр.html', content: Buffer.from('<html>') })).toBe('VALIDATION_FAILED');
    expect(code({ fileName: 'фото.jpg', content: PNG })).toBe('VALIDATION_FAILED');
    expect(code({ fileName: 'акт.docx', content: Buffer.from('%PDF') })).toBe('VALIDATION_FAILED');
    expect(code({ fileName: 'заметка.txt', content: Buffer.from([0x41, 0x00, 0x42]) })).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      code({
        fileName: 'большой.pdf',
        content: Buffer.concat([Buffer.from('%PDF'), Buffer.alloc(10 * 1024 * 1024)]),
      }),
    ).toBe('PAYLOAD_TOO_LARGE');
  });
});
