import { formatRub, type LetterView, moscowIso, ruDate } from '@remed/core';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../platform/pdf.ts';

const ACCENT = '#1c7ed6';
const MUTED = '#495057';

type Service = { name: string; phone: string };

/** The guarantee letter as a one-page PDF: who, where, what, until when, and how reimbursement works. */
export function renderLetterPdf(l: LetterView, service: Service): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    defaultStyle: { font: 'DejaVu', fontSize: 10, lineHeight: 1.2 },
    info: {
      title: `Гарантийное письмо ${l.number}`,
      author: service.name,
      subject: 'Гарантийное письмо по ДМС',
    },
    footer: (page, pages) => ({
      text: `${l.number} · стр. ${page} из ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#868e96',
      margin: [0, 20, 0, 0],
    }),
    content: [
      ...heading(l, service),
      ...cancellation(l),
      parties(l),
      { text: 'Гарантируем оплату следующих услуг:', bold: true, margin: [0, 0, 0, 6] },
      servicesTable(l),
      howToClaim(l),
    ],
  };
  return renderPdf(doc);
}

/** Who issues the letter, its number and the days it is valid. */
function heading(l: LetterView, service: Service): Content[] {
  const issued = moscowIso(new Date(l.issuedAt));
  return [
    { text: service.name, color: ACCENT, bold: true, fontSize: 12 },
    { text: `Медицинский пульт: ${service.phone}`, fontSize: 8, color: MUTED, margin: [0, 0, 0, 16] },
    { text: `Гарантийное письмо № ${l.number}`, fontSize: 18, bold: true },
    {
      text: `от ${ruDate(issued.slice(0, 10))} · действует с ${ruDate(l.validFrom)} по ${ruDate(l.validUntil)} включительно`,
      margin: [0, 4, 0, 14],
    },
  ];
}

/** A cancelled letter says so in red before anything else, with the reason. */
function cancellation(l: LetterView): Content[] {
  if (l.status !== 'cancelled') return [];
  return [
    {
      text: `ПИСЬМО ОТМЕНЕНО${l.cancelReason ? `: ${l.cancelReason}` : ''}`,
      color: '#c92a2a',
      bold: true,
      margin: [0, 0, 0, 10],
    },
  ];
}

/** The patient, their policy and the clinic the letter is addressed to. */
function parties(l: LetterView): Content {
  const where = l.branch ? `${l.branch.name}, ${l.branch.address}` : (l.clinic.address ?? '');
  return {
    table: {
      widths: [110, '*'],
      body: [
        [{ text: 'Пациент', bold: true }, l.insuredName],
        [{ text: 'Полис ДМС', bold: true }, l.policyNumber],
        [{ text: 'Клиника', bold: true }, `${l.clinic.name} (ИНН ${l.clinic.inn})`],
        [{ text: 'Адрес', bold: true }, where],
      ],
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 14],
  };
}

/** The services guaranteed, line by line, with the total. */
function servicesTable(l: LetterView): Content {
  const right = (text: string) => ({ text, alignment: 'right' as const });
  return {
    table: {
      headerRows: 1,
      widths: [18, 62, '*', 30, 70, 70],
      body: [
        ['№', 'Код', 'Услуга', 'Кол.', 'Цена', 'Сумма'].map((t) => ({
          text: t,
          bold: true,
          fillColor: '#e7f5ff',
        })),
        ...l.items.map((i) => [
          String(i.line),
          { text: `${i.code}\n${i.clinicCode}`, fontSize: 8 },
          i.name,
          right(String(i.quantity)),
          right(formatRub(i.price)),
          right(formatRub(i.price * i.quantity)),
        ]),
        [
          { text: 'Итого', bold: true, colSpan: 5, alignment: 'right' as const },
          {},
          {},
          {},
          {},
          { ...right(formatRub(l.total)), bold: true },
        ],
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

/** How the patient gets their money back, with the franchise and cashback of this letter. */
function howToClaim(l: LetterView): Content {
  return {
    margin: [0, 16, 0, 0],
    stack: [
      { text: 'Как получить возмещение', bold: true, color: ACCENT, margin: [0, 0, 0, 4] },
      {
        ol: [
          'Покажите это письмо в клинике и получите услуги из списка.',
          'Оплатите услуги в кассе клиники и возьмите кассовый чек.',
          'В приложении remed отсканируйте QR-код чека или загрузите его фото.',
          `Деньги придут по СБП на ваш телефон: сумма по письму${l.franchisePercent ? ` за вычетом франшизы ${l.franchisePercent} %` : ''}${l.cashbackPercent ? ` и кэшбэк ${l.cashbackPercent} %` : ''}.`,
        ],
      },
      {
        text: 'Услуги, которых нет в письме, и сумма сверх указанных цен не возмещаются.',
        fontSize: 9,
        color: MUTED,
        margin: [0, 6, 0, 0],
      },
    ],
  };
}
