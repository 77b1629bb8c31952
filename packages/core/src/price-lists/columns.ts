/** Columns of the price list template, in template order; `aliases` are other headings accountants use. */
export const PRICE_LIST_COLUMNS = [
  {
    key: 'clinicCode',
    title: 'Код клиники',
    required: true,
    aliases: ['код услуги в клинике', 'внутренний код', 'артикул', 'код в прейскуранте'],
    description:
      'Код услуги в прейскуранте клиники, как он напечатан в чеке или счёте. Не повторяется внутри прейскуранта.',
    example: '1.01',
  },
  {
    key: 'serviceCode',
    title: 'Код услуги 804н',
    required: true,
    aliases: ['код 804н', 'код по 804н', 'код номенклатуры', 'код услуги по номенклатуре', 'код мз'],
    description:
      'Код по номенклатуре медицинских услуг (приказ Минздрава России № 804н): латинская буква A или B и группы цифр через точку, например B01.047.001. Не повторяется внутри прейскуранта.',
    example: 'B01.047.001',
  },
  {
    key: 'name',
    title: 'Наименование услуги',
    required: true,
    aliases: ['наименование', 'услуга', 'название услуги', 'название'],
    description: 'Как услуга называется в прейскуранте клиники.',
    example: 'Прием (осмотр, консультация) врача-терапевта первичный',
  },
  {
    key: 'price',
    title: 'Цена, руб.',
    required: true,
    aliases: ['цена', 'цена руб', 'цена ₽', 'стоимость', 'стоимость руб', 'цена рублей'],
    description:
      'Цена в рублях, больше нуля, не больше двух знаков после запятой: 2500, 1 234,50 или 1234.5.',
    example: '2 500,00',
  },
  {
    key: 'note',
    title: 'Примечание',
    required: false,
    aliases: ['комментарий', 'примечания'],
    description: 'Необязательно: условия оказания, филиал, срок выполнения анализа.',
    example: '',
  },
] as const;

export type PriceListColumnKey = (typeof PRICE_LIST_COLUMNS)[number]['key'];

export const priceColumnTitle = (key: PriceListColumnKey) =>
  PRICE_LIST_COLUMNS.find((c) => c.key === key)!.title;

/** Headings compare without case, ё/е, punctuation and spaces: «Цена, руб.» = «цена руб» = «ЦЕНА (руб)». */
const normHeading = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9₽]+/g, '');

/** Maps header cells to column keys by title or alias; reports the required columns it did not find. */
export function mapPriceListHeader(
  header: readonly string[],
): { ok: true; index: Partial<Record<PriceListColumnKey, number>> } | { ok: false; missing: string[] } {
  const index: Partial<Record<PriceListColumnKey, number>> = {};
  header.forEach((h, i) => {
    const cell = normHeading(h);
    if (!cell) return;
    const column = PRICE_LIST_COLUMNS.find(
      (c) => normHeading(c.title) === cell || c.aliases.some((a) => normHeading(a) === cell),
    );
    if (column && index[column.key] === undefined) index[column.key] = i;
  });
  const missing = PRICE_LIST_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map(
    (c) => `«${c.title}»`,
  );
  return missing.length ? { ok: false, missing } : { ok: true, index };
}
