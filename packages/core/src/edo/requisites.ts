/** The legal and bank details of a party, as a contract prints them. */
export interface PartyRequisites {
  name: string;
  shortName: string;
  inn: string;
  kpp: string | null;
  ogrn: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  headName: string | null;
  headPost: string | null;
  bik: string | null;
  bankName: string | null;
  correspondentAccount: string | null;
  settlementAccount: string | null;
}

export const REQUISITE_LABELS: Record<keyof PartyRequisites, string> = {
  name: 'Полное наименование',
  shortName: 'Краткое наименование',
  inn: 'ИНН',
  kpp: 'КПП',
  ogrn: 'ОГРН',
  address: 'Юридический адрес',
  phone: 'Телефон',
  email: 'Электронная почта',
  headName: 'ФИО руководителя',
  headPost: 'Должность руководителя',
  bik: 'БИК банка',
  bankName: 'Наименование банка',
  correspondentAccount: 'Корреспондентский счёт',
  settlementAccount: 'Расчётный счёт',
};

/**
 * Which details a contract cannot be drawn up without, in the order of the form. An individual
 * entrepreneur (12-digit ИНН) has no КПП; a company must have one.
 */
export function missingRequisites(r: PartyRequisites): (keyof PartyRequisites)[] {
  const required = (Object.keys(REQUISITE_LABELS) as (keyof PartyRequisites)[]).filter(
    (k) => k !== 'kpp' || r.inn.length === 10,
  );
  return required.filter((k) => !r[k]?.trim());
}

/** «Заполните в реквизитах клиники: ОГРН, БИК банка» — the message names every field to fill. */
export function missingRequisitesMessage(missing: (keyof PartyRequisites)[]): string {
  return `Чтобы сформировать договор, заполните в реквизитах клиники: ${missing.map((k) => REQUISITE_LABELS[k]).join(', ')}`;
}
