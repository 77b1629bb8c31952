import { describe, expect, it } from 'vitest';
import {
  CHAT_ATTACHMENT_ACCEPT,
  chatAttachmentType,
  departmentContactSchema,
  sendChatMessageSchema,
} from './chat.schemas.ts';

describe('chat attachments', () => {
  it.each([
    ['скан.JPG', 'image/jpeg'],
    ['акт.pdf', 'application/pdf'],
    ['реестр.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['письмо.doc', 'application/msword'],
    ['выгрузка.csv', 'text/csv'],
    ['архив.zip', null],
    ['программа.exe', null],
    ['картинка.svg', null],
    ['без-расширения', null],
  ])('%s → %s', (name, type) => {
    expect(chatAttachmentType(name)).toBe(type);
  });

  it('offers the same extensions to the file picker', () => {
    expect(CHAT_ATTACHMENT_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['.pdf', '.png', '.docx', '.xlsx']),
    );
    expect(CHAT_ATTACHMENT_ACCEPT).not.toContain('.exe');
  });
});

describe('chat message', () => {
  it('trims the text, allows it empty (files alone) and caps its length', () => {
    const clientId = '00000000-0000-4000-8000-000000000001';
    expect(sendChatMessageSchema.parse({ clientId, body: '  текст \n' }).body).toBe('текст');
    expect(sendChatMessageSchema.parse({ clientId }).body).toBe('');
    expect(sendChatMessageSchema.safeParse({ clientId, body: 'я'.repeat(4001) }).success).toBe(false);
    expect(sendChatMessageSchema.safeParse({ clientId: 'abc', body: 'x' }).success).toBe(false);
  });
});

describe('department contact', () => {
  it('normalises the phone and the e-mail', () => {
    const c = departmentContactSchema.parse({
      title: 'Договорной отдел',
      phone: '8 (495) 000-00-11',
      email: ' Dogovor@Remed.RU ',
      hours: 'пн–пт 9:00–18:00',
      topics: 'Договоры',
    });
    expect(c).toMatchObject({ phone: '+74950000011', email: 'dogovor@remed.ru', personName: '' });
  });
});
