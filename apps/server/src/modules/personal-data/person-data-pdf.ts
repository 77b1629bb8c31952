import {
  CONSENT_METHOD_LABELS,
  CONSENT_WITHDRAWAL_LABELS,
  formatRub,
  LETTER_STATUS_LABELS,
  moscowIso,
  ruDate,
  VIEW_RECORD_LABELS,
} from '@remed/core';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../platform/pdf.ts';
import type { PersonDataExport } from './collect-person-data.ts';

const ACCENT = '#1c7ed6';
const MUTED = '#495057';

const when = (iso: string) => {
  const m = moscowIso(new Date(iso));
  return `${ruDate(m.slice(0, 10))} ${m.slice(11, 16)}`;
};
const orDash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

const heading = (text: string): Content => ({
  text,
  fontSize: 13,
  bold: true,
  color: ACCENT,
  margin: [0, 14, 0, 6],
});
const none = (text: string): Content => ({ text, color: MUTED, italics: true });

function table(header: string[], rows: TableCell[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [header.map((h) => ({ text: h, bold: true, fillColor: '#f1f3f5' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
  };
}

function pairs(rows: [string, string][]): Content {
  return {
    table: { widths: [150, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
    layout: 'noBorders',
  };
}

type Pair = [string, string];

/** A numbered section: its table, or a line saying there is nothing of that kind. */
function section(
  title: string,
  header: string[],
  rows: TableCell[][],
  widths: (string | number)[],
  empty: string,
): Content[] {
  return [heading(title), rows.length ? table(header, rows, widths) : none(empty)];
}

function intro(d: PersonDataExport): Content[] {
  return [
    { text: d.operator.name, color: ACCENT, bold: true, fontSize: 12 },
    { text: `ИНН ${d.operator.inn} · ${d.operator.address}`, fontSize: 8, color: MUTED },
    { text: 'Сведения о персональных данных', fontSize: 18, bold: true, margin: [0, 16, 0, 2] },
    {
      text: `Выписка сформирована ${when(d.generatedAt)} (время московское) по ст. 14 Федерального закона № 152-ФЗ «О персональных данных».`,
      margin: [0, 0, 0, 8],
    },
  ];
}

function personalSection({ person: p, account }: PersonDataExport): Content[] {
  const erased: Pair[] = p.erasedAt ? [['Обезличено', when(p.erasedAt)]] : [];
  const login: Pair[] = account
    ? [
        ['Вход в кабинет', [account.phone, account.email].filter(Boolean).join(', ') || '—'],
        ['Последний вход', account.lastLoginAt ? when(account.lastLoginAt) : '—'],
      ]
    : [];
  return [
    heading('1. Личные данные'),
    pairs([
      ['ФИО', p.fullName],
      ['Дата рождения', ruDate(p.birthDate)],
      ['Пол', p.sex === 'male' ? 'мужской' : 'женский'],
      ['Телефон', orDash(p.phone)],
      ['Электронная почта', orDash(p.email)],
      ['Выплаты по СБП', p.payoutPhone ? `${p.payoutPhone}, ${orDash(p.payoutBank)}` : '—'],
      ['В системе с', when(p.createdAt)],
      ...erased,
      ...login,
    ]),
  ];
}

const policiesSection = (d: PersonDataExport) =>
  section(
    '2. Полисы и программы ДМС',
    ['Полис', 'Действует', 'Программа', 'Страховая компания', 'Страхователь'],
    d.policies.map((x) => [
      x.number,
      `${ruDate(x.validFrom)} — ${ruDate(x.detachedOn ?? x.validTo)}`,
      x.program,
      x.insurer,
      x.policyholder,
    ]),
    [70, 90, '*', '*', '*'],
    'Полисов нет',
  );

const consentsSection = (d: PersonDataExport) =>
  section(
    '3. Согласия',
    ['Согласие', 'Дано', 'Как', 'Отозвано'],
    d.consents.map((c) => [
      `${c.title} (редакция ${c.version})`,
      when(c.acceptedAt),
      `${CONSENT_METHOD_LABELS[c.method]}${c.ip ? `, IP ${c.ip}` : ''}`,
      c.withdrawnAt
        ? `${when(c.withdrawnAt)}. ${c.withdrawnMethod ? CONSENT_WITHDRAWAL_LABELS[c.withdrawnMethod] : ''}`
        : 'действует',
    ]),
    ['*', 70, '*', 90],
    'Согласий нет',
  );

const requestsSection = (d: PersonDataExport) =>
  section(
    '4. Обращения на медицинский пульт',
    ['Дата', 'Откуда', 'Жалобы', 'Диагноз (МКБ-10)'],
    [
      ...d.requests.map((r) => [when(r.createdAt), r.channel, r.complaint, '']),
      ...d.cases.map((c) => [
        when(c.createdAt),
        'врач пульта',
        c.complaints,
        c.icd10Code ? `${c.icd10Code} ${orDash(c.icd10Text)}` : '—',
      ]),
    ],
    [70, 60, '*', 120],
    'Обращений нет',
  );

const lettersSection = (d: PersonDataExport) =>
  section(
    '5. Гарантийные письма',
    ['Номер', 'Клиника', 'Срок', 'Услуги', 'Сумма', 'Состояние'],
    d.letters.map((l) => [
      l.number,
      l.clinic.name,
      `${ruDate(l.validFrom)} — ${ruDate(l.validUntil)}`,
      l.items.map((i) => `${i.code} ${i.name} × ${i.quantity}`).join('\n'),
      formatRub(l.total),
      LETTER_STATUS_LABELS[l.status],
    ]),
    [60, 70, 70, '*', 55, 55],
    'Писем нет',
  );

const claimsSection = (d: PersonDataExport) =>
  section(
    '6. Чеки и решения по ним',
    ['Дата чека', 'Клиника, письмо', 'Сумма чека', 'Возмещено', 'Решение'],
    d.claims.map((c) => [
      `${ruDate(c.dateTime.slice(0, 10))} ${c.dateTime.slice(11, 16)}\nФН ${c.fiscal.fn}\nФД ${c.fiscal.fd}, ФП ${c.fiscal.fp}`,
      `${c.clinicName}, ${c.letterNumber}`,
      formatRub(c.sum),
      formatRub(c.reimbursement),
      [c.statusTitle, c.summary ?? '', ...c.lines.map((l) => `${l.name}: ${formatRub(l.approved)}`)]
        .filter(Boolean)
        .join('\n'),
    ]),
    [100, 80, 60, 60, '*'],
    'Чеков нет',
  );

const payoutsSection = (d: PersonDataExport) =>
  section(
    '7. Выплаты',
    ['Дата', 'Сумма', 'Куда', 'Состояние'],
    d.payouts.map((x) => [when(x.createdAt), formatRub(x.amount), x.phone, x.status]),
    [90, 70, '*', 80],
    'Выплат нет',
  );

const feedbackSection = (d: PersonDataExport) =>
  section(
    '8. Оценки, жалобы и сообщения',
    ['Дата', 'Что', 'Текст'],
    [
      ...d.ratings.map((r) => [when(r.createdAt), `Оценка ${r.stars} из 5`, orDash(r.comment)]),
      ...d.complaints.map((c) => [when(c.createdAt), 'Жалоба на клинику', c.text]),
      ...d.chatMessages.map((m) => [when(m.createdAt), 'Сообщение в чате', m.text]),
    ],
    [90, 100, '*'],
    'Нет',
  );

const viewsSection = (d: PersonDataExport): Content[] => [
  ...section(
    '9. Кто смотрел ваши медицинские данные',
    ['Когда', 'Кто', 'Что', 'Зачем'],
    d.views.map((v) => [
      when(v.at),
      `${v.viewerName}, ${v.viewerRole}${v.organisation ? `, ${v.organisation}` : ''}`,
      `${VIEW_RECORD_LABELS[v.recordType]}${v.recordLabel ? ` ${v.recordLabel}` : ''}`,
      v.purpose,
    ]),
    [80, '*', 110, 110],
    'Никто, кроме вас, ваши медицинские данные не открывал',
  ),
  ...(d.viewsTruncated ? [none('Показаны последние 10 000 просмотров; полный журнал — по запросу.')] : []),
];

const SECTIONS = [
  intro,
  personalSection,
  policiesSection,
  consentsSection,
  requestsSection,
  lettersSection,
  claimsSection,
  payoutsSection,
  feedbackSection,
  viewsSection,
];

/** The export as a document a person can read and print: one section per kind of data, dates in Moscow time. */
export function renderPersonDataPdf(d: PersonDataExport): Promise<Buffer> {
  const name = d.person.fullName;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 48],
    defaultStyle: { font: 'DejaVu', fontSize: 9.5, lineHeight: 1.2 },
    info: { title: `Персональные данные — ${name}`, author: d.operator.name },
    footer: (page, pages) => ({
      text: `${name} · стр. ${page} из ${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#868e96',
      margin: [0, 18, 0, 0],
    }),
    content: [
      ...SECTIONS.flatMap((s) => s(d)),
      {
        text: `Вопросы об обработке персональных данных: ${d.operator.email}, ${d.operator.phone}.`,
        margin: [0, 18, 0, 0],
        color: MUTED,
      },
    ],
  };
  return renderPdf(doc);
}
