import { type FilledAgreement, moscowIso, ruDate, type SignatureView } from '@remed/core';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../platform/pdf.ts';

const ACCENT = '#1c7ed6';
const STAMP = '#1864ab';

const STAMP_TITLE = 'Документ подписан простой электронной подписью';

const SIDE_TITLES = { service: 'Сервис', clinic: 'Клиника' } as const;

/** 20.11.2026 10:00:00 МСК */
function moscowDateTime(iso: string): string {
  const m = moscowIso(new Date(iso));
  return `${ruDate(m.slice(0, 10))} ${m.slice(11, 19)} МСК`;
}

/** One signature as a framed stamp: who, for which side, when, which bytes and which code. */
function stamp(s: SignatureView, partyName: string): Content {
  return {
    margin: [0, 0, 0, 8],
    unbreakable: true,
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: STAMP_TITLE, bold: true, color: STAMP, fontSize: 9 },
              {
                fontSize: 8,
                margin: [0, 3, 0, 0],
                table: {
                  widths: [110, '*'],
                  body: [
                    ['Сторона', `${SIDE_TITLES[s.side]}: ${partyName}`],
                    ['Подписант', `${s.signerName}, ${s.signerPost}`],
                    ['Дата и время', moscowDateTime(s.signedAt)],
                    ['SHA-256 документа', s.documentSha256],
                    ['Код подтверждения', `№ ${s.codeId}`],
                  ],
                },
                layout: 'noBorders',
              },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineColor: () => STAMP,
      vLineColor: () => STAMP,
      hLineWidth: () => 1.2,
      vLineWidth: () => 1.2,
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
  };
}

function stamps(
  signatures: SignatureView[],
  parties: { service: string; clinic: string },
  note?: string,
): Content[] {
  if (!signatures.length) return [];
  return [
    { text: 'Сведения о подписании', bold: true, color: ACCENT, margin: [0, 16, 0, note ? 2 : 6] },
    ...(note ? [{ text: note, fontSize: 7.5, color: '#495057', margin: [0, 0, 0, 6] } as Content] : []),
    ...signatures.map((s) => stamp(s, parties[s.side])),
  ];
}

function footer(number: string, signed: boolean) {
  return (page: number, pages: number): Content => ({
    text: `${number} · стр. ${page} из ${pages}${signed ? ` · ${STAMP_TITLE.toLowerCase()}` : ''}`,
    alignment: 'center',
    fontSize: 7,
    color: '#868e96',
    margin: [0, 20, 0, 0],
  });
}

/**
 * The contract or agreement as a PDF. Without signatures it is the original both sides sign (its SHA-256
 * is what they sign); with signatures it is the copy with stamps, which names the original's hash.
 */
export function renderAgreementPdf(
  a: FilledAgreement,
  meta: { number: string; author: string; parties: { service: string; clinic: string } },
  signatures: SignatureView[] = [],
): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [50, 40, 50, 50],
    defaultStyle: { font: 'DejaVu', fontSize: 9.5, lineHeight: 1.25 },
    info: { title: `${a.title} ${a.subtitle}`, author: meta.author, subject: a.title },
    footer: footer(meta.number, signatures.length > 0),
    content: [
      { text: a.title.toUpperCase(), alignment: 'center', bold: true, fontSize: 13 },
      { text: a.subtitle, alignment: 'center', margin: [0, 2, 0, 10] },
      {
        columns: [
          { text: a.place, width: '*' },
          { text: a.date, width: 'auto' },
        ],
        margin: [0, 0, 0, 10],
      },
      { text: a.preamble, alignment: 'justify', margin: [0, 0, 0, 8] },
      ...a.sections.flatMap((s, i): Content[] => [
        { text: `${i + 1}. ${s.heading}`, bold: true, margin: [0, 8, 0, 4] },
        ...s.clauses.map(
          (c, j): Content => ({
            text: `${i + 1}.${j + 1}. ${c}`,
            alignment: 'justify',
            margin: [0, 0, 0, 3],
          }),
        ),
      ]),
      {
        margin: [0, 4, 0, 0],
        columnGap: 16,
        columns: a.parties.map((p) => ({
          width: '*',
          stack: [
            { text: p.role, bold: true, margin: [0, 0, 0, 3] },
            ...p.lines.map((l): Content => ({ text: l, fontSize: 8.5 })),
            {
              text: 'Подписывается простой электронной подписью в Кабинете клиники',
              fontSize: 7,
              color: '#868e96',
              margin: [0, 6, 0, 0],
            },
          ],
        })),
      },
      ...stamps(
        signatures,
        meta.parties,
        'SHA-256 — контрольная сумма исходного файла, который подписали стороны; он хранится и выдаётся без изменений. Этот экземпляр — копия с отметками о подписании.',
      ),
    ],
  };
  return renderPdf(doc);
}

interface SheetDocument {
  title: string;
  clinicName: string;
  senderName: string;
  fileName: string;
  size: number;
  sha256: string;
  period: string | null;
  comment: string | null;
}

/**
 * The signature sheet of an exchanged file: the file itself (any format) stays as uploaded, and this PDF
 * binds the signature to it by its SHA-256.
 */
export function renderSignatureSheet(
  d: SheetDocument,
  signatures: SignatureView[],
  parties: { service: string; clinic: string },
): Promise<Buffer> {
  const rows: [string, string][] = [
    ['Документ', d.title],
    ['Отправитель', d.senderName],
    ['Клиника', d.clinicName],
    ...(d.period ? [['Период', d.period] as [string, string]] : []),
    ['Файл', `${d.fileName} (${d.size.toLocaleString('ru-RU')} байт)`],
    ['SHA-256 файла', d.sha256],
    ...(d.comment ? [['Комментарий', d.comment] as [string, string]] : []),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageMargins: [50, 40, 50, 50],
    defaultStyle: { font: 'DejaVu', fontSize: 9.5, lineHeight: 1.25 },
    info: { title: `Лист подписания: ${d.title}`, author: parties.service },
    footer: footer(d.title, signatures.length > 0),
    content: [
      { text: 'Лист подписания электронного документа', bold: true, fontSize: 13, margin: [0, 0, 0, 10] },
      { table: { widths: [110, '*'], body: rows }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 6] },
      {
        text: 'Подлинность файла проверяется сравнением его SHA-256 с указанным выше значением.',
        fontSize: 8,
        color: '#495057',
      },
      ...stamps(signatures, parties),
    ],
  });
}
