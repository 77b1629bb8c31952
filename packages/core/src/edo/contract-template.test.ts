import { describe, expect, it } from 'vitest';
import { fillContract, fillSupplement, fillTemplate } from './contract-template.ts';
import { missingRequisites, missingRequisitesMessage, type PartyRequisites } from './requisites.ts';

const clinic: PartyRequisites = {
  name: 'Общество с ограниченной ответственностью «Клиника Здоровье»',
  shortName: 'ООО «Клиника Здоровье»',
  inn: '7715000562',
  kpp: '771501001',
  ogrn: '1177746000563',
  address: 'г. Москва, ул. Бутырская, д. 46, стр. 2',
  phone: '+74951234567',
  email: 'info@zdorovie-clinic.ru',
  headName: 'Соколова Ирина Викторовна',
  headPost: 'Генеральный директор',
  bik: '044525225',
  bankName: 'ПАО Сбербанк',
  correspondentAccount: '30101810400000000225',
  settlementAccount: '40702810938000012345',
};
const service: PartyRequisites = {
  ...clinic,
  name: 'ООО «Ремед Ассистанс»',
  shortName: 'ООО «Ремед Ассистанс»',
  inn: '7710000008',
  ogrn: '1027700000107',
  headName: 'Орлов Сергей Петрович',
  settlementAccount: '40702810938000000700',
};

const text = (a: ReturnType<typeof fillContract>) =>
  [
    a.title,
    a.subtitle,
    a.preamble,
    ...a.sections.flatMap((s) => [s.heading, ...s.clauses]),
    ...a.parties.flatMap((p) => p.lines),
  ].join('\n');

describe('fillTemplate', () => {
  it('replaces every placeholder, spaces inside the braces allowed', () => {
    expect(fillTemplate('{{a}} и {{ b.c }}', { a: 'раз', 'b.c': 'два' })).toBe('раз и два');
  });
  it('throws on a placeholder without a value instead of printing it', () => {
    expect(() => fillTemplate('ИНН {{clinic.inn}}', {})).toThrow(/clinic\.inn/);
  });
});

describe('fillContract', () => {
  const contract = fillContract({
    number: 'Д-2026-000001',
    date: '2026-11-20',
    city: 'г. Москва',
    service,
    clinic,
    validUntil: '2027-11-19',
    cashbackPercent: 5,
  });
  const all = text(contract);

  it('names both parties with their requisites and signers', () => {
    expect(contract.title).toBe('Договор № Д-2026-000001');
    expect(contract.date).toBe('20.11.2026');
    expect(contract.preamble).toContain(
      'Общество с ограниченной ответственностью «Клиника Здоровье» (ИНН 7715000562, ОГРН 1177746000563)',
    );
    expect(contract.preamble).toContain('Генеральный директор Соколова Ирина Викторовна');
    expect(contract.preamble).toContain('ООО «Ремед Ассистанс» (ИНН 7710000008');
    expect(contract.preamble).toContain('заключили настоящий договор о нижеследующем');
    const clinicParty = contract.parties.find((p) => p.role === 'Клиника')!;
    expect(clinicParty.lines).toContain('ИНН 7715000562, КПП 771501001');
    expect(clinicParty.lines).toContain('Р/с 40702810938000012345 в ПАО Сбербанк');
    expect(clinicParty.lines).toContain('К/с 30101810400000000225, БИК 044525225');
  });

  it('covers the subject, prices, cashback, settlement, privacy, e-signature and term', () => {
    for (const heading of [
      'Предмет договора',
      'Цены и прейскурант',
      'Бонусная программа (кэшбэк)',
      'Порядок расчётов',
      'Конфиденциальность и персональные данные',
      'Электронный документооборот и простая электронная подпись',
      'Срок действия договора',
    ])
      expect(contract.sections.map((s) => s.heading)).toContain(heading);
    expect(all).toContain('152-ФЗ');
    expect(all).toContain('статьи 6 и статьи 9 Федерального закона от 06.04.2011 № 63-ФЗ');
    expect(all).toContain('кэшбэк составляет 5 %');
    expect(all).toContain('действует по 19.11.2027 включительно');
    expect(all).not.toMatch(/\{\{|\}\}|undefined|null/);
  });

  it('says how cashback is set when the clinic has not chosen a percent', () => {
    const a = text(
      fillContract({
        number: 'Д-1',
        date: '2026-01-01',
        city: 'г. Москва',
        service,
        clinic,
        validUntil: '2026-12-31',
        cashbackPercent: null,
      }),
    );
    expect(a).toContain('не выбрала процент кэшбэка');
  });

  it('prints no КПП for an individual entrepreneur', () => {
    const ip = fillContract({
      number: 'Д-2',
      date: '2026-01-01',
      city: 'г. Москва',
      service,
      clinic: { ...clinic, inn: '500100732259', kpp: null },
      validUntil: '2026-12-31',
      cashbackPercent: 3,
    });
    expect(ip.parties[1]!.lines[1]).toBe('ИНН 500100732259');
  });
});

describe('fillSupplement', () => {
  const base = {
    number: 'ДС-2026-000003',
    date: '2026-12-01',
    city: 'г. Москва',
    service,
    clinic,
    contractNumber: 'Д-2026-000001',
    contractDate: '2026-11-20',
  };

  it('prolongs the contract to the new date', () => {
    const a = fillSupplement({ ...base, terms: { type: 'prolongation', validUntil: '2028-11-19' } });
    expect(a.title).toBe('Дополнительное соглашение № ДС-2026-000003');
    expect(a.subtitle).toContain('к договору № Д-2026-000001 от 20.11.2026');
    expect(a.preamble).toContain(
      'заключили настоящее дополнительное соглашение к договору № Д-2026-000001 от 20.11.2026 (далее — Договор)',
    );
    expect(text(a)).toContain('продлевают срок действия Договора по 19.11.2028 включительно');
  });

  it('changes the cashback from a date', () => {
    const a = text(
      fillSupplement({
        ...base,
        terms: { type: 'cashback', effectiveFrom: '2027-01-01', cashbackPercent: 7 },
      }),
    );
    expect(a).toContain('С 01.01.2027 кэшбэк по бонусной программе');
    expect(a).toContain('составляет 7 %');
  });

  it('restates the requisites', () => {
    const a = fillSupplement({ ...base, terms: { type: 'requisites', effectiveFrom: '2027-01-01' } });
    expect(text(a)).toContain(
      'С 01.01.2027 документы и расчёты по Договору оформляются по реквизитам Клиники',
    );
    expect(a.parties[1]!.lines).toContain('Р/с 40702810938000012345 в ПАО Сбербанк');
    expect(text(a)).not.toMatch(/\{\{|undefined/);
  });
});

describe('missingRequisites', () => {
  it('is empty for complete requisites', () => {
    expect(missingRequisites(clinic)).toEqual([]);
  });
  it('lists every empty field, in form order, with a message that names them', () => {
    const missing = missingRequisites({ ...clinic, ogrn: null, bik: '  ', headName: '' });
    expect(missing).toEqual(['ogrn', 'headName', 'bik']);
    expect(missingRequisitesMessage(missing)).toBe(
      'Чтобы сформировать договор, заполните в реквизитах клиники: ОГРН, ФИО руководителя, БИК банка',
    );
  });
  it('asks a company for КПП but not an individual entrepreneur', () => {
    expect(missingRequisites({ ...clinic, kpp: null })).toEqual(['kpp']);
    expect(missingRequisites({ ...clinic, inn: '500100732259', kpp: null })).toEqual([]);
  });
});
