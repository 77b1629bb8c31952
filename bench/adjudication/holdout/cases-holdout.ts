/**
 * Hand labels of the held-out corpus. Letter lines are names.json ids (real price-list names, see
 * SOURCES.md); receipt items are written by hand the way tills print them. Every item carries its label:
 *   a line number (the item is that letter line), 'x' (a service or good the letter does not cover),
 *   'near' (same service family, another variant), 'amb' (fits several lines, price does not settle it),
 *   'unid' (names no identifiable service, or a generic name that fits one line only).
 * Conventions are those of bench/adjudication/README.md; the few that matter here are repeated in the notes.
 */

export type HClass = 'clean' | 'variant' | 'generic' | 'other-service' | 'receipt-level';
export type HLabel = number | 'x' | 'near' | 'amb' | 'unid';
export type ClinicKey =
  | 'hozpol'
  | 'dent37'
  | 'sistom'
  | 'mri'
  | 'asek'
  | 'vichuga'
  | 'tikh'
  | 'gomel'
  | 'gp9';

/** [till name, price in rubles, label, quantity = 1, sum in rubles = price × quantity] */
export type HItem = [name: string, priceRub: number, label: HLabel, quantity?: number, sumRub?: number];

export interface HReceipt {
  items: HItem[];
  note: string;
  cls?: HClass;
  /** operationType other than 1 (2 = возврат прихода, 3 = расход). */
  op?: 2 | 3;
  /** The same fiscal identity (fn + i + fp) as the previous receipt of the case. */
  dup?: boolean;
  /** Seller ИНН of another clinic. */
  inn?: string;
  dateTime?: string;
  /** totalSum differs from Σ item sums by this many rubles. */
  sumDeltaRub?: number;
  prepaidRub?: number;
  /** [reimbursement, cashback] in kopecks, worked out by hand; the build checks them. */
  want?: [number, number];
}

export interface HCase {
  id: string;
  cls: HClass;
  clinic: ClinicKey;
  /** names.json ids; [id, quantity] for a quantity other than 1. */
  lines: (string | [string, number])[];
  franchisePercent?: number;
  cashbackPercent?: number;
  /** Rubles; null = no limit. Default 50 000. */
  limitRub?: number | null;
  receipts: HReceipt[];
}

/** Fictional legal entities (ИНН with a valid check digit) that sell under the real price lists. */
export const CLINICS: Record<ClinicKey, { inn: string; name: string; fn: string }> = {
  hozpol: { inn: '0274005120', name: 'МУП «Поликлиника на Юношеской»', fn: '7380440900111222' },
  dent37: { inn: '3702018460', name: 'ООО «Доступная стоматология»', fn: '9960440300222333' },
  sistom: { inn: '5646007313', name: 'ООО «Стоматология Илек»', fn: '9282000100333444' },
  mri: { inn: '7703451289', name: 'ООО «Центр лучевой диагностики»', fn: '7281440500444555' },
  asek: { inn: '5635009125', name: 'ГБУЗ «Районная больница Асекеево»', fn: '9289000100555666' },
  vichuga: {
    inn: '3701006550',
    name: 'ОБУЗ «Вичугская стоматологическая поликлиника»',
    fn: '9280440300666777',
  },
  tikh: { inn: '1001003430', name: 'ООО «Стоматология на Тихвинской»', fn: '7380440800777888' },
  gomel: { inn: '6901022770', name: 'ООО «Детская поликлиника Гомельская»', fn: '9960440301888999' },
  gp9: { inn: '6903001180', name: 'ООО «Поликлиника № 9»', fn: '7281440500999000' },
};
const INN_DENT37 = CLINICS.dent37.inn;
const INN_ASEK = CLINICS.asek.inn;
const INN_OTHER_IP = '027412345674';

/** The first `width` characters, as a till with a fixed line width prints a long name. */
export const cut = (name: string, width: number): string => name.slice(0, width);

function one(
  id: string,
  cls: HClass,
  clinic: ClinicKey,
  lines: HCase['lines'],
  items: HItem[],
  note: string,
  extra: Partial<Omit<HCase, 'id' | 'cls' | 'clinic' | 'lines' | 'receipts'>> & Partial<HReceipt> = {},
): HCase {
  const { franchisePercent, cashbackPercent, limitRub, ...receipt } = extra;
  return {
    id,
    cls,
    clinic,
    lines,
    ...(franchisePercent === undefined ? {} : { franchisePercent }),
    ...(cashbackPercent === undefined ? {} : { cashbackPercent }),
    ...(limitRub === undefined ? {} : { limitRub }),
    receipts: [{ ...receipt, items, note }],
  };
}

const c = 'clean' as const;
const v = 'variant' as const;
const g = 'generic' as const;
const o = 'other-service' as const;
const r = 'receipt-level' as const;

const NEUR1 = 'Прием (осмотр, консультация) врача-невролога специалиста первичный';
const DRIP =
  'Непрерывное внутривенное капельное введение лекарственных препаратов ( включен базовый раствор,система,одноразовые расходные материалы)';

const CLEAN: HCase[] = [
  // hozpol: visits
  one('h-clean-001', c, 'hozpol', ['hz-neur-01'], [[NEUR1, 750, 1]], 'verbatim', { want: [75000, 3750] }),
  one(
    'h-clean-002',
    c,
    'hozpol',
    ['hz-neur-01'],
    [['ПРИЕМ (ОСМОТР, КОНСУЛЬТАЦИЯ) ВРАЧА-НЕВРОЛОГА СПЕЦИАЛИСТА ПЕРВИЧНЫЙ', 750, 1]],
    'upper case',
  ),
  one(
    'h-clean-003',
    c,
    'hozpol',
    ['hz-neur-02'],
    [['Прием вр.-невролога специалиста повт.', 400, 1]],
    'вр., повт., parentheses dropped',
  ),
  one(
    'h-clean-004',
    c,
    'hozpol',
    ['hz-ter-01'],
    [['В01.047.001 Прием врача-терапевта специалиста первичный', 750, 1]],
    '804н code with Cyrillic В in front',
  ),
  one(
    'h-clean-005',
    c,
    'hozpol',
    ['hz-ter-01', 'hz-ter-05'],
    [['Прием (осмотр, консультация) врача-терапевта первой категории, первичный', 850, 2]],
    'two lines share the code B01.047.001; the name (первой категории) picks line 2; the list prints «категории ,первичный»',
  ),
  one(
    'h-clean-006',
    c,
    'hozpol',
    ['hz-ent-01'],
    [['Конс. врача-оториноларинголога специалиста первичная', 750, 1]],
    'конс. = приём (осмотр, консультация)',
  ),
  one(
    'h-clean-007',
    c,
    'hozpol',
    ['hz-oph-02'],
    [['Приём (осмотр, консультация) врача-офтальмолога специалиста повторный', 400, 1]],
    'ё',
  ),
  one(
    'h-clean-008',
    c,
    'hozpol',
    ['hz-surg-01'],
    [['Прием  (осмотр,  консультация)  врача-хирурга  специалиста  первичный', 750, 1]],
    'doubled spaces',
  ),
  one(
    'h-clean-009',
    c,
    'hozpol',
    ['hz-uro-01', 'hz-us-13'],
    [
      ['Прием врача-уролога специалиста перв.', 750, 1],
      ['УЗИ предстательной железы', 600, 2],
    ],
    'перв., УЗИ',
    { want: [135000, 6750] },
  ),
  one(
    'h-clean-010',
    c,
    'hozpol',
    ['hz-trav-01'],
    [['Первичный прием врача-травматолога-ортопеда специалиста', 750, 1]],
    'word order, parentheses dropped',
  ),
  one(
    'h-clean-011',
    c,
    'hozpol',
    ['hz-gyn-01', 'hz-us-03'],
    [
      ['Прием врача-акушер-гинеколога специалиста первичный', 750, 1],
      ['УЗИ матки и придатков трансвагинальное', 750, 2],
    ],
    'visit and study at the same price, each by name',
  ),
  one(
    'h-clean-012',
    c,
    'hozpol',
    ['hz-card-01', 'hz-us-17', 'hz-us-18'],
    [
      ['Прием врача-кардиолога специалиста первичный', 750, 1],
      ['Регистрация ЭКГ', 400, 2],
      ['ЭхоКГ', 1100, 3],
    ],
    'ЭКГ, ЭхоКГ',
  ),
  one(
    'h-clean-013',
    c,
    'hozpol',
    ['hz-endo-01', 'hz-us-01'],
    [
      ['Прием вр.-эндокринолога специалиста перв.', 750, 1],
      ['УЗИ щитовидной железы и паращитовидных желез', 600, 2],
    ],
    'вр., перв., УЗИ',
  ),
  one(
    'h-clean-014',
    c,
    'hozpol',
    ['hz-neur-09'],
    [['Прием врача-невролога Доктора медицинских наук, первичный', 1100, 1]],
    'parentheses dropped, the qualifier (доктор наук) kept',
  ),
  one(
    'h-clean-015',
    c,
    'hozpol',
    ['hz-card-05', 'hz-card-06'],
    [['Прием (осмотр, консультация) врача-кардиолога первой категории, повторный', 425, 2]],
    'first-category repeat visit, its own line',
  ),
  // hozpol: ultrasound and functional diagnostics
  one(
    'h-clean-016',
    c,
    'hozpol',
    ['hz-us-05'],
    [['А04.16.001 УЗИ органов брюшной полости (комплексное)', 800, 1]],
    '804н code with Cyrillic А, УЗИ',
  ),
  one(
    'h-clean-017',
    c,
    'hozpol',
    ['hz-us-07'],
    [['Ультразвуковое иссл. почек и надпочечников', 600, 1]],
    'иссл.',
  ),
  one('h-clean-018', c, 'hozpol', ['hz-us-02'], [['УЗ исследование молочных желез', 700, 1]], 'УЗ'),
  one(
    'h-clean-019',
    c,
    'hozpol',
    ['hz-us-28'],
    [
      [
        cut(
          'Ультразвуковое дуплексное сканирование брахиоцефальных артерий с цветным доплеровским картированием кровотока',
          60,
        ),
        900,
        1,
      ],
    ],
    'cut at 60 characters',
  ),
  one(
    'h-clean-020',
    c,
    'hozpol',
    ['hz-us-27'],
    [['УЗ дуплексное сканирование сосудов нижних конечностей (1 конечность)', 750, 1]],
    'УЗ, the limb count kept',
  ),
  one(
    'h-clean-021',
    c,
    'hozpol',
    ['hz-us-22'],
    [[cut('Ультразвуковое исследование суставов (1 сустав верхней или нижней конечности)', 60), 500, 1]],
    'cut at 60 characters, after the joint count',
  ),
  one(
    'h-clean-022',
    c,
    'hozpol',
    ['hz-us-15', 'hz-us-16'],
    [
      ['Электроэнцефалография', 600, 1],
      ['РЭГ (реоэнцефалография)', 510, 2],
    ],
    'parenthesis dropped; acronym moved in front',
  ),
  one(
    'h-clean-023',
    c,
    'hozpol',
    ['hz-us-35'],
    [['УЗИ плода (скрининг 1 триместр (12-14 недель))', 1000, 1]],
    'УЗИ, spacing inside the parentheses',
  ),
  // hozpol: massage and physiotherapy, with course quantities
  one(
    'h-clean-024',
    c,
    'hozpol',
    [['hz-mass-10', 10]],
    [['Массаж спины медицинский (1 сеанс)', 480, 1, 10]],
    'course of 10 sessions',
    { want: [480000, 24000] },
  ),
  one(
    'h-clean-025',
    c,
    'hozpol',
    [['hz-mass-07', 5]],
    [['Массаж шеи, воротниковой зоны медицинский', 240, 1, 5]],
    'parenthesis «(1 сеанс)» dropped',
  ),
  one(
    'h-clean-026',
    c,
    'hozpol',
    ['hz-mass-12'],
    [['МАССАЖ ОБЩИЙ МЕДИЦИНСКИЙ (1 СЕАНС)', 1000, 1]],
    'upper case',
  ),
  one(
    'h-clean-027',
    c,
    'hozpol',
    [['hz-mass-01', 10]],
    [['Магнитотерапия (воздействие магнитными полями на аппарате «Алмаг-01»)', 250, 1, 10]],
    'quotes «» instead of ""',
  ),
  one(
    'h-clean-028',
    c,
    'hozpol',
    ['hz-mass-03'],
    [['Тепловизорная диагностика заболеваний носа и придаточных пазух (на аппарате «Фея»', 250, 1]],
    'quotes «», the device model after «Фея» dropped',
  ),
  one(
    'h-clean-029',
    c,
    'hozpol',
    [['hz-uro-14', 5]],
    [['Массаж простаты (предстательной железы)', 360, 1, 5]],
    'verbatim, quantity 5',
  ),
  // hozpol: laboratory, procedures
  one(
    'h-clean-030',
    c,
    'hozpol',
    ['hz-lab-01', 'hz-lab-08'],
    [
      ['ОАК развернутый', 330, 1],
      ['ОАМ', 200, 2],
    ],
    'ОАК, ОАМ',
  ),
  one('h-clean-031', c, 'hozpol', ['hz-lab-22'], [['СРБ', 220, 1]], 'СРБ, one CRP line in the letter'),
  one(
    'h-clean-032',
    c,
    'hozpol',
    ['hz-lab-47', 'hz-lab-48'],
    [
      ['АЛТ', 170, 1],
      ['АСТ', 140, 2],
    ],
    'АЛТ, АСТ (alanine / aspartate transaminase)',
  ),
  one(
    'h-clean-033',
    c,
    'hozpol',
    ['hz-lab-34'],
    [[cut('Коагулограмма (ориентировочное исследование системы гемостаза)', 48), 820, 1]],
    'cut at 48 characters',
  ),
  one(
    'h-clean-034',
    c,
    'hozpol',
    [['hz-lab-56', 10]],
    [['Внутривенное введение лекарственных препаратов', 170, 1, 10]],
    'course of 10 injections',
  ),
  one(
    'h-clean-035',
    c,
    'hozpol',
    [['hz-lab-57', 5]],
    [['Внутримышечное введение лекарственных препаратов', 120, 1, 5]],
    'the list says «Внутримышечные введения»',
  ),
  one(
    'h-clean-036',
    c,
    'hozpol',
    [['hz-ent-11', 2]],
    [['Удаление ушной серы (1 ухо)', 280, 1, 2]],
    'both ears billed as 2 × «(1 ухо)»; the letter has 2',
  ),
  one(
    'h-clean-037',
    c,
    'hozpol',
    [['hz-ent-16', 2]],
    [['Промывание лакун небных миндалин (1 миндалина)', 400, 1, 2]],
    'quantity 2 of «(1 миндалина)»',
  ),
  one(
    'h-clean-038',
    c,
    'hozpol',
    ['hz-oph-16', 'hz-oph-13'],
    [
      ['Промывание слезоотводящих путей, 1 глаз', 320, 1],
      ['Тонометрия глаза (индикатор глазного давления)', 120, 2],
    ],
    'space after the comma',
  ),
  one(
    'h-clean-039',
    c,
    'hozpol',
    ['hz-cert-06', 'hz-cert-05', 'hz-cert-04', 'hz-cert-07'],
    [
      ['Профилактический прием врача-терапевта', 180, 1],
      ['Профилактический прием врача-невролога', 180, 2],
      ['Профилактический прием врача-офтальмолога', 180, 3],
      ['Регистрация электрокардиограммы', 200, 4],
    ],
    'three visits at one price, each by its specialty',
  ),
  one(
    'h-clean-040',
    c,
    'hozpol',
    [['hz-surg-12', 3]],
    [
      [
        cut('Склеротерапия (микропенная микросклеротерапия ретикулярных вен или сегментарных вен) 1 см2', 62),
        1000,
        1,
        3,
      ],
    ],
    'cut at 62, quantity 3',
  ),
  one(
    'h-clean-041',
    c,
    'hozpol',
    ['hz-lab-31'],
    [['Анализ крови по оценке нарушений липидного обмена (биохимический)', 720, 1]],
    'parenthesis added',
  ),
  one(
    'h-clean-042',
    c,
    'hozpol',
    ['hz-lab-40'],
    [['Исследование уровня гликированного гемоглобина', 490, 1]],
    '«в крови» dropped',
  ),
  // dental: Иваново
  one(
    'h-clean-043',
    c,
    'dent37',
    ['d37-ext-simple', 'd37-anest'],
    [
      ['Удаление зуба простое (включая осмотр)', 1000, 1],
      ['Анестезия', 250, 2],
    ],
    'extraction and its anaesthesia, both in the letter',
    { want: [125000, 6250] },
  ),
  one(
    'h-clean-044',
    c,
    'dent37',
    ['d37-ext-complex', 'd37-anest', 'd37-rvg-1'],
    [
      ['УДАЛЕНИЕ ЗУБА СЛОЖНОЕ', 1500, 1],
      ['Анестезия', 250, 2],
      ['Радиовизиографическое иссл. первичное', 150, 3],
    ],
    'upper case, «(включая осмотр)» dropped, иссл.',
  ),
  one(
    'h-clean-045',
    c,
    'dent37',
    ['d37-exam', ['d37-clean-jaw', 2]],
    [
      ['Осмотр, консультация, заполнение мед. документации', 250, 1],
      ['Чистка зубного налета (ультразвук, аэрфло, шлифовка) 1 челюсть', 1500, 2, 2],
    ],
    'both jaws as 2 × «1 челюсть»; the letter has 2',
  ),
  one(
    'h-clean-046',
    c,
    'dent37',
    ['d37-ch-milk-ext'],
    [['Удаление молочного зуба (включая осмотр, анестезию)', 450, 1]],
    'case (the list prints «УДАЛЕНИЕ»)',
  ),
  one(
    'h-clean-047',
    c,
    'dent37',
    ['d37-alveolitis'],
    [['Лечение альвеолита (включая осмотр, анестезию)', 450, 1]],
    'verbatim',
  ),
  one(
    'h-clean-048',
    c,
    'dent37',
    [['d37-fissure', 4]],
    [['Герметизация фиссур 1 зуб', 400, 1, 4]],
    'four teeth',
  ),
  one(
    'h-clean-049',
    c,
    'dent37',
    ['d37-anest-appl', 'd37-anest'],
    [
      ['Анестезия аппликационная', 50, 1],
      ['Анестезия', 250, 2],
    ],
    '«Анестезия» is its own line, not a prefix of «Анестезия аппликационная»',
  ),
  // dental: Соль-Илецк, Вичуга, Тихвинская
  one(
    'h-clean-050',
    c,
    'sistom',
    ['si-anest-inj', ['si-subg', 4]],
    [
      [cut('Анестезия внутриротовая: Проводниковая, инфильтрационная, внутрипульпарная', 48), 180, 1],
      ['Удаление поддесневых зубных отложений', 150, 2, 4],
    ],
    'cut at 48; four teeth',
  ),
  one(
    'h-clean-051',
    c,
    'sistom',
    ['si-rest-side'],
    [['Реставрация боковых зубов (одного зуба с 4-8)', 1800, 1]],
    'hyphen for the en dash',
  ),
  one(
    'h-clean-052',
    c,
    'vichuga',
    ['vi-exam', 'vi-ultra'],
    [
      ['Первичный осмотр, оформление документации', 80, 1],
      ['Анестезия раствором Ультракаина', 140, 2],
    ],
    'case',
  ),
  one(
    'h-clean-053',
    c,
    'vichuga',
    [['vi-cast-alg', 2]],
    [['Снятие одного слепка алгинатной массой', 45, 1, 2]],
    'parenthesis with the brands dropped',
  ),
  one(
    'h-clean-054',
    c,
    'tikh',
    ['tk-inj-carp', 'tk-exam'],
    [
      ['1.8 Анестезия внутриротовая с использованием карпульных анестетиков', 356, 1],
      ['1.1 Осмотр (без проведения лечебно-диагностических мероприятий)', 142, 2],
    ],
    'clinic numbers in front; the list has a Latin «c» in «c использованием»',
  ),
  one(
    'h-clean-055',
    c,
    'tikh',
    ['tk-status'],
    [
      [
        cut(
          'Обследование стоматологического статуса первичного больного (осмотр, сбор анамнеза, заполнение зубной формулы)',
          52,
        ),
        854,
        1,
      ],
    ],
    'cut at 52',
  ),
  // MRI / CT
  one('h-clean-056', c, 'mri', ['mr-knee1'], [['МРТ коленного сустава (один сустав)', 5000, 1]], 'МРТ', {
    want: [500000, 25000],
  }),
  one(
    'h-clean-057',
    c,
    'mri',
    ['mr-obp-c'],
    [
      [
        cut('Магнитно-резонансная томография органов брюшной полости с внутривенным контрастированием', 64),
        6500,
        1,
      ],
    ],
    'cut at 64, inside «с внутривенным»',
  ),
  one(
    'h-clean-058',
    c,
    'mri',
    ['ct-kidney-c'],
    [[cut('КТ почек и мочевыводящих путей с внутривенным болюсным контрастированием', 64), 7000, 1]],
    'КТ, cut at 64, the contrast qualifier printed',
  ),
  one('h-clean-059', c, 'mri', ['mr-hip2'], [['МРТ тазобедренных суставов (два сустава)', 5000, 1]], 'МРТ'),
  // ultrasound, Асекеево (list rows under section headings, clinic numbers)
  one(
    'h-clean-060',
    c,
    'asek',
    ['as-liver-gb', 'as-kid'],
    [
      ['1.1 Печень + желчный пузырь', 146, 1],
      ['2.1 УЗИ почки + надпочечники', 146, 2],
    ],
    'the list rows with their numbers; same price, each by name',
  ),
  one(
    'h-clean-061',
    c,
    'asek',
    ['as-thyr'],
    [['УЗИ щитовидной железы', 109.5, 1]],
    'section heading dropped',
  ),
  one(
    'h-clean-062',
    c,
    'asek',
    ['as-bladder'],
    [['УЗИ мочевого пузыря с опр. остаточной мочи', 109.5, 1]],
    'опр.',
  ),
  // X-ray (lists in BYN, amounts used as printed)
  one(
    'h-clean-063',
    c,
    'gomel',
    ['gm-chest-2'],
    [['1.1.1.1.2 Рентгенография (обзорная) грудной полости в двух проекциях', 15.49, 1]],
    'clinic number in front',
  ),
  one(
    'h-clean-064',
    c,
    'gomel',
    ['gm-periph-2'],
    [['Рентгенография периферических отделов скелета в 2-х проекциях', 11.27, 1]],
    '«в 2-х проекциях» for «в двух проекциях»',
  ),
  one(
    'h-clean-065',
    c,
    'gomel',
    ['gm-spine-1'],
    [['РЕНТГЕНОГРАФИЯ ОТДЕЛА ПОЗВОНОЧНИКА В ОДНОЙ ПРОЕКЦИИ', 6.67, 1]],
    'upper case',
  ),
  one(
    'h-clean-066',
    c,
    'gomel',
    ['gc-chest7p-2'],
    [['Рентгенография грудной полости (дети 7+) в двух проекциях', 7.17, 1]],
    '«(обзорная)» dropped, the age band kept',
  ),
  one(
    'h-clean-067',
    c,
    'gomel',
    ['gm-scap-2'],
    [['Рентгенография лопатки в двух проекциях', 11.27, 1]],
    'the list spells it «Рентгеногафия»',
  ),
  one(
    'h-clean-068',
    c,
    'gomel',
    ['gu-liver-nof'],
    [
      [
        cut('УЗИ печени, желчного пузыря без опр. функции на цветных цифровых ультразвуковых аппаратах', 64),
        5.94,
        1,
      ],
    ],
    'УЗИ, опр., cut at 64 inside the equipment clause',
  ),
  one(
    'h-clean-069',
    c,
    'gp9',
    ['g9-fl-prof-2'],
    [['1.1.1.4.2. Флюорография профилактическая в 2 проекциях', 3.03, 1]],
    'clinic number «1.1.1.4.2.» in front, «в 2 проекциях»',
  ),
  // partially approved: price capped, quantity exceeded, extras outside the letter
  one(
    'h-clean-070',
    c,
    'hozpol',
    ['hz-neur-01'],
    [['Прием врача-невролога специалиста первичный', 800, 1]],
    'PRICE_CAPPED: 800 against 750',
    { want: [75000, 4000] },
  ),
  one(
    'h-clean-071',
    c,
    'hozpol',
    ['hz-us-05'],
    [['УЗИ органов брюшной полости (комплексное)', 900, 1]],
    'PRICE_CAPPED',
  ),
  one(
    'h-clean-072',
    c,
    'hozpol',
    [['hz-mass-10', 10]],
    [['Массаж спины медицинский (1 сеанс)', 480, 1, 12]],
    'QUANTITY_EXCEEDED: 12 of 10',
    { want: [480000, 24000] },
  ),
  one(
    'h-clean-073',
    c,
    'hozpol',
    ['hz-lab-01', 'hz-lab-22'],
    [
      ['ОАК развернутый', 330, 1],
      ['СРБ', 220, 2],
      ['Бахилы', 10, 'x'],
    ],
    'NOT_IN_LETTER: бахилы',
    { want: [55000, 2750] },
  ),
  one(
    'h-clean-074',
    c,
    'hozpol',
    ['hz-ter-01'],
    [
      ['Прием врача-терапевта специалиста первичный', 750, 1],
      ['Медицинская карта амбулаторного больного', 150, 'x'],
    ],
    'NOT_IN_LETTER: медкарта',
  ),
  one(
    'h-clean-075',
    c,
    'hozpol',
    ['hz-gyn-01'],
    [
      ['Прием врача-акушер-гинеколога специалиста первичный', 750, 1],
      ['Получение влагалищного мазка, цервикального мазка (1 ед.)', 200, 'x'],
    ],
    'NOT_IN_LETTER: a real list service the letter does not cover',
  ),
  one(
    'h-clean-076',
    c,
    'hozpol',
    ['hz-lab-01'],
    [
      ['ОАК развернутый', 330, 1],
      ['Взятие крови из центральной, периферической вены', 190, 'x'],
    ],
    'NOT_IN_LETTER: venipuncture not authorised',
  ),
  one(
    'h-clean-077',
    c,
    'dent37',
    ['d37-ext-simple'],
    [
      ['Удаление зуба простое', 1000, 1],
      ['Анестезия', 250, 'x'],
    ],
    'NOT_IN_LETTER: anaesthesia is its own list line and the letter does not have it',
    { want: [100000, 5000] },
  ),
  one(
    'h-clean-078',
    c,
    'dent37',
    ['d37-ext-simple', 'd37-anest'],
    [
      ['Удаление зуба простое (включая осмотр)', 1200, 1],
      ['Анестезия', 250, 2],
    ],
    'PRICE_CAPPED on the extraction',
    { want: [125000, 7250] },
  ),
  one(
    'h-clean-079',
    c,
    'hozpol',
    ['hz-ent-11'],
    [['Удаление ушной серы (1 ухо)', 280, 1, 2]],
    'QUANTITY_EXCEEDED: 2 of 1',
    { want: [28000, 1400] },
  ),
  one(
    'h-clean-080',
    c,
    'mri',
    ['mr-knee1'],
    [
      ['МРТ коленного сустава (один сустав)', 5000, 1],
      ['Запись исследования на CD-диск', 300, 'x'],
    ],
    'NOT_IN_LETTER: a CD with the images (a good the till sells next to the study)',
  ),
  {
    id: 'h-clean-081',
    cls: c,
    clinic: 'hozpol',
    lines: [['hz-mass-07', 10]],
    receipts: [
      {
        items: [['Массаж шеи, воротниковой зоны медицинский (1 сеанс)', 240, 1, 6]],
        note: '6 of 10',
        want: [144000, 7200],
      },
      {
        items: [['Массаж шеи, воротниковой зоны', 240, 1, 6]],
        note: 'QUANTITY_EXCEEDED: 4 left of 10',
        want: [96000, 4800],
      },
    ],
  },
  one(
    'h-clean-082',
    c,
    'asek',
    ['as-liver-gb'],
    [['Печень + желчный пузырь', 150, 1]],
    'PRICE_CAPPED: 150 against 146',
    { want: [14600, 750] },
  ),
  one(
    'h-clean-083',
    c,
    'gomel',
    ['gm-chest-2'],
    [
      ['Рентгенография (обзорная) грудной полости в двух проекциях', 15.49, 1],
      ['Запись снимков на диск', 3, 'x'],
    ],
    'NOT_IN_LETTER: a disc',
  ),
  one(
    'h-clean-084',
    c,
    'hozpol',
    [['hz-lab-56', 5]],
    [
      ['Внутривенное введение лекарственных препаратов', 170, 1, 5],
      ['Шприц 10 мл', 25, 'x', 5],
    ],
    'NOT_IN_LETTER: syringes',
    { want: [85000, 4250] },
  ),
  one(
    'h-clean-085',
    c,
    'dent37',
    ['d37-rvg-1'],
    [['Радиовизиографическое исследование первичное', 150, 1, 2]],
    'QUANTITY_EXCEEDED: 2 of 1',
  ),
  one(
    'h-clean-086',
    c,
    'hozpol',
    ['hz-card-01', 'hz-us-17'],
    [
      ['Прием врача-кардиолога специалиста первичный', 750, 1],
      ['ЭКГ', 450, 2],
      ['Бахилы', 15, 'x'],
    ],
    'PRICE_CAPPED on the ECG and NOT_IN_LETTER',
    { want: [115000, 6000] },
  ),
  one(
    'h-clean-087',
    c,
    'sistom',
    [['si-subg', 4]],
    [['Удаление поддесневых зубных отложений', 150, 1, 6]],
    'QUANTITY_EXCEEDED: 6 of 4',
    { want: [60000, 3000] },
  ),
  one(
    'h-clean-088',
    c,
    'hozpol',
    ['hz-lab-40'],
    [['Исследование уровня гликированного гемоглобина в крови', 520, 1]],
    'PRICE_CAPPED',
  ),
];

const VARIANT: HCase[] = [
  one(
    'h-variant-001',
    v,
    'hozpol',
    ['hz-neur-01'],
    [['Прием врача-невролога специалиста повторный', 750, 'near']],
    'repeat visit against the first-visit line, at the first-visit price',
  ),
  one(
    'h-variant-002',
    v,
    'hozpol',
    ['hz-neur-02'],
    [['Прием врача-невролога специалиста первичный', 400, 'near']],
    'first visit against the repeat line, at the repeat price',
  ),
  one(
    'h-variant-003',
    v,
    'hozpol',
    ['hz-neur-01'],
    [['Прием (осмотр, консультация) врача-детского невролога первичный', 750, 'near']],
    '«врача-детского невролога» is not «врача-невролога»',
  ),
  one(
    'h-variant-004',
    v,
    'hozpol',
    ['hz-surg-01'],
    [['Прием врача-детского хирурга первичный', 750, 'near']],
    'child surgeon against the adult line',
  ),
  one(
    'h-variant-005',
    v,
    'hozpol',
    ['hz-uro-01'],
    [['Прием (осмотр, консультация) врача-детского уролога-андролога первичный', 750, 'near']],
    'child urologist-andrologist against the urologist line',
  ),
  one(
    'h-variant-006',
    v,
    'hozpol',
    ['hz-endo-01'],
    [['Первичный прием врача-детского эндокринолога', 750, 'near']],
    'child endocrinologist',
  ),
  one(
    'h-variant-007',
    v,
    'hozpol',
    ['hz-ter-01'],
    [['Прием врача-терапевта на дому', 750, 'near']],
    'на дому against a visit in the clinic, same price',
  ),
  one(
    'h-variant-008',
    v,
    'hozpol',
    ['hz-ter-01'],
    [['Вызов врача-терапевта на дом', 750, 'near']],
    'home call against a visit in the clinic',
  ),
  one(
    'h-variant-009',
    v,
    'hozpol',
    ['hz-ent-01'],
    [['Прием врача-оториноларинголога специалиста первичный на дому', 750, 'near']],
    'на дому at the end',
  ),
  one(
    'h-variant-010',
    v,
    'hozpol',
    ['hz-neur-05'],
    [['Прием (осмотр, консультация) врача-невролога первой категории, повторный', 850, 'near']],
    'repeat against first, the category the same',
  ),
  one(
    'h-variant-011',
    v,
    'hozpol',
    ['hz-lab-01'],
    [['ОАК развернутый (cito)', 330, 'near']],
    'cito against planned',
  ),
  one('h-variant-012', v, 'hozpol', ['hz-lab-22'], [['СРБ по cito', 220, 'near']], 'по cito'),
  one(
    'h-variant-013',
    v,
    'hozpol',
    ['hz-us-03'],
    [['УЗИ матки и придатков трансабдоминальное', 750, 'near']],
    'transabdominal against transvaginal, same price in the list',
  ),
  one(
    'h-variant-014',
    v,
    'hozpol',
    ['hz-us-13'],
    [['УЗИ предстательной железы трансректальное', 600, 'near']],
    'transrectal (its own line at 800 in the list) against the plain study',
  ),
  one(
    'h-variant-015',
    v,
    'hozpol',
    ['hz-us-06'],
    [['УЗИ предстательной железы', 800, 'near']],
    'the letter fixes «трансректальное», the receipt leaves it out',
  ),
  one(
    'h-variant-016',
    v,
    'hozpol',
    ['hz-us-27'],
    [['УЗ дуплексное сканирование сосудов обеих нижних конечностей', 750, 'near']],
    'both limbs against «(1 конечность)»',
  ),
  one(
    'h-variant-017',
    v,
    'hozpol',
    ['hz-us-11'],
    [['УЗИ мягких тканей (две анатомические зоны)', 500, 'near']],
    '2 zones against one',
  ),
  one(
    'h-variant-018',
    v,
    'hozpol',
    ['hz-ent-11'],
    [['Удаление ушной серы (оба уха)', 280, 'near']],
    'both ears against «(1 ухо)», one unit',
  ),
  one(
    'h-variant-019',
    v,
    'hozpol',
    ['hz-ent-13'],
    [['Продувание слуховых труб с двух сторон', 250, 'near']],
    'both sides against «(1 сторона)»',
  ),
  one(
    'h-variant-020',
    v,
    'hozpol',
    ['hz-oph-16'],
    [['Промывание слезоотводящих путей обоих глаз', 320, 'near']],
    'both eyes against «1 глаз»',
  ),
  one(
    'h-variant-021',
    v,
    'hozpol',
    ['hz-mass-12'],
    [['Массаж общий медицинский детям до года', 1000, 'near']],
    'children under one against the adult massage',
  ),
  one(
    'h-variant-022',
    v,
    'hozpol',
    ['hz-lab-60'],
    [['Непрерывное внутривенное капельное введение лекарственных препаратов 1-3 часа', 350, 'near']],
    '1–3 hours against «до 1 часа», at the shorter price',
  ),
  one(
    'h-variant-023',
    v,
    'hozpol',
    ['hz-gyn-18'],
    [['Кольпоскопия расширенная (цветная видео)', 500, 'near']],
    'extended colposcopy (its own line at 850) against the plain one',
  ),
  one(
    'h-variant-024',
    v,
    'hozpol',
    ['hz-gyn-14'],
    [['Удаление внутриматочной спирали (повышенной сложности)', 500, 'near']],
    'the complex removal against the plain one',
  ),
  one(
    'h-variant-025',
    v,
    'hozpol',
    ['hz-gyn-49'],
    [['Удаление доброкачественных новообразований кожи (от 6 до 10 элементов)', 1500, 'near']],
    '6–10 elements against «до 5 элементов»',
  ),
  one(
    'h-variant-026',
    v,
    'dent37',
    ['d37-ext-simple'],
    [['Удаление зуба сложное', 1000, 'near']],
    'complex against simple extraction, at the simple price',
  ),
  one(
    'h-variant-027',
    v,
    'dent37',
    ['d37-ext-simple'],
    [['Удаление зуба простое с анестезией', 1000, 'near']],
    'с анестезией: the letter line does not include it',
  ),
  one(
    'h-variant-028',
    v,
    'dent37',
    ['d37-ch-milk-ext'],
    [['Удаление молочного зуба без анестезии', 450, 'near']],
    'без анестезии against a line that includes it',
  ),
  one(
    'h-variant-029',
    v,
    'dent37',
    ['d37-ext-simple'],
    [['Удаление молочного зуба', 1000, 'near']],
    'a milk tooth against the permanent-tooth line',
  ),
  one(
    'h-variant-030',
    v,
    'dent37',
    ['d37-rvg-1'],
    [['Радиовизиографическое исследование повторное', 150, 'near']],
    'repeat against first',
  ),
  one(
    'h-variant-031',
    v,
    'dent37',
    ['d37-clean-jaw'],
    [['Чистка зубного налета (ультразвук, аэрфло, шлифовка) 2 челюсти', 1500, 'near']],
    '2 jaws in one unit against «1 челюсть»',
  ),
  one(
    'h-variant-032',
    v,
    'tikh',
    ['tk-inj'],
    [['Анестезия внутриротовая с использованием карпульных анестетиков', 214, 'near']],
    'carpule anaesthesia (line 1.8) against plain (1.7), at the plain price',
  ),
  one(
    'h-variant-033',
    v,
    'mri',
    ['mr-obp'],
    [['МРТ органов брюшной полости с внутривенным контрастированием', 5500, 'near']],
    'with contrast against without',
  ),
  one(
    'h-variant-034',
    v,
    'mri',
    ['mr-obp-c'],
    [['МРТ органов брюшной полости без контрастирования', 6500, 'near']],
    'without contrast against with',
  ),
  one(
    'h-variant-035',
    v,
    'mri',
    ['mr-knee1'],
    [['МРТ коленных суставов (оба сустава)', 5000, 'near']],
    'both knees against one joint',
  ),
  one(
    'h-variant-036',
    v,
    'mri',
    ['mr-hip2'],
    [['МРТ тазобедренного сустава (один сустав)', 5000, 'near']],
    'one hip against the two-joint line',
  ),
  one(
    'h-variant-037',
    v,
    'mri',
    ['ct-kidney-c'],
    [['КТ почек и мочевыводящих путей без контрастирования', 7000, 'near']],
    'CT without contrast against the contrast line',
  ),
  one(
    'h-variant-038',
    v,
    'gomel',
    ['gm-chest-2'],
    [['Рентгенография грудной полости в одной проекции', 15.49, 'near']],
    'one projection against two, at the two-projection price',
  ),
  one(
    'h-variant-039',
    v,
    'gomel',
    ['gm-periph-1'],
    [['Рентгенография периферических отделов скелета в двух проекциях', 8.72, 'near']],
    'two projections against one',
  ),
  one(
    'h-variant-040',
    v,
    'gomel',
    ['gc-chest07-1'],
    [['Рентгенография (обзорная) грудной полости (дети 7+) в одной проекции', 6.12, 'near']],
    'age band 7+ against 0–7',
  ),
  one(
    'h-variant-041',
    v,
    'gp9',
    ['g9-fl-prof-2'],
    [['Флюорография диагностическая в двух проекциях', 3.03, 'near']],
    'diagnostic against preventive fluorography',
  ),
  one(
    'h-variant-042',
    v,
    'gomel',
    ['gu-liver-nof'],
    [['УЗИ печени, желчного пузыря с опр. функции', 5.94, 'near']],
    'с определением функции against без',
  ),
  one(
    'h-variant-043',
    v,
    'hozpol',
    ['hz-card-01', 'hz-us-17'],
    [
      ['Прием врача-кардиолога специалиста повторный', 400, 'near'],
      ['Регистрация ЭКГ', 400, 2],
    ],
    'one item a variant: the whole receipt waits',
  ),
];

const GENERIC: HCase[] = [
  one(
    'h-generic-001',
    g,
    'hozpol',
    ['hz-neur-01', 'hz-ent-01'],
    [['Консультация специалиста', 750, 'amb']],
    'fits both visits, both cost 750',
  ),
  one(
    'h-generic-002',
    g,
    'hozpol',
    ['hz-neur-01', 'hz-uro-01'],
    [['Приём врача-специалиста', 800, 'amb']],
    'fits both visits, price fits neither',
  ),
  one(
    'h-generic-003',
    g,
    'hozpol',
    ['hz-us-01', 'hz-us-07'],
    [['УЗИ (1 зона)', 600, 'amb']],
    'fits both studies, both cost 600',
  ),
  one(
    'h-generic-004',
    g,
    'hozpol',
    ['hz-us-01', 'hz-us-07', 'hz-us-12'],
    [['УЗИ 1 зона', 650, 'amb']],
    'fits three studies',
  ),
  one(
    'h-generic-005',
    g,
    'hozpol',
    ['hz-lab-01', 'hz-lab-22'],
    [['Анализ крови', 250, 'amb']],
    'fits both blood tests',
  ),
  one(
    'h-generic-006',
    g,
    'hozpol',
    ['hz-lab-22', 'hz-lab-23'],
    [['СРБ', 220, 'amb']],
    'the list has two CRP lines, both 220: the price does not settle it',
  ),
  one(
    'h-generic-007',
    g,
    'hozpol',
    [
      ['hz-mass-07', 5],
      ['hz-mass-08', 5],
      ['hz-mass-11', 5],
    ],
    [['Массаж медицинский (1 сеанс)', 240, 'amb', 5]],
    'fits three massage zones, all 240',
  ),
  one(
    'h-generic-008',
    g,
    'hozpol',
    ['hz-us-17', 'hz-cert-07'],
    [['Регистрация электрокардиограммы', 200, 2]],
    'the list has this name at 400 and 200: the price settles it',
    { want: [20000, 1000] },
  ),
  one(
    'h-generic-009',
    g,
    'hozpol',
    ['hz-us-17', 'hz-cert-07'],
    [['Регистрация ЭКГ', 300, 'amb']],
    'same name twice, price fits neither',
  ),
  one(
    'h-generic-010',
    g,
    'hozpol',
    ['hz-lab-08', 'hz-cert-12'],
    [['Анализ мочи общий', 120, 2]],
    'same name at 200 and 120: the price settles it',
  ),
  one(
    'h-generic-011',
    g,
    'hozpol',
    ['hz-oph-12', 'hz-cert-40'],
    [['Офтальмоскопия', 330, 'amb']],
    'same name at 340 and 320, price fits neither',
  ),
  one(
    'h-generic-012',
    g,
    'hozpol',
    ['hz-lab-60', 'hz-lab-61'],
    [[cut(DRIP, 56), 400, 'amb']],
    'the till cut the name before the duration: fits both drip lines, price fits neither',
  ),
  one(
    'h-generic-013',
    g,
    'mri',
    ['mr-knee1', 'mr-shoulder1'],
    [['МРТ', 5000, 'amb']],
    'fits both MRI lines, both 5000',
  ),
  one(
    'h-generic-014',
    g,
    'gomel',
    ['gm-skull-2', 'gm-periph-2'],
    [['Рентгенография в двух проекциях', 11.27, 'amb']],
    'fits both X-ray lines, both 11.27',
  ),
  one(
    'h-generic-015',
    g,
    'hozpol',
    ['hz-ter-01'],
    [['Консультация специалиста', 750, 'unid']],
    'generic name, one visit in the letter, its price',
  ),
  one('h-generic-016', g, 'hozpol', ['hz-us-05'], [['УЗИ (1 зона)', 800, 'unid']], 'generic study name'),
  one('h-generic-017', g, 'hozpol', ['hz-lab-01'], [['Анализ крови', 330, 'unid']], 'generic analysis name'),
  one('h-generic-018', g, 'hozpol', ['hz-neur-01'], [['Медицинская услуга', 750, 'unid']], 'names nothing'),
  one(
    'h-generic-019',
    g,
    'dent37',
    ['d37-ext-simple'],
    [['Оплата по счету № 2318', 1000, 'unid']],
    'payment of an invoice',
  ),
  one(
    'h-generic-020',
    g,
    'hozpol',
    ['hz-card-01', 'hz-us-17'],
    [
      ['Прием врача-кардиолога специалиста первичный', 750, 1],
      ['Медицинские услуги', 400, 'unid'],
    ],
    'one item unidentified: the receipt waits',
  ),
];

const OTHER: HCase[] = [
  one(
    'h-other-001',
    o,
    'hozpol',
    ['hz-mass-07'],
    [['Массаж нижней конечности медицинский (1 сеанс)', 240, 'x']],
    'another massage zone at the letter price',
  ),
  one(
    'h-other-002',
    o,
    'hozpol',
    ['hz-mass-10'],
    [['Массаж общий медицинский', 480, 'x']],
    'general massage billed at the back-massage price',
  ),
  one(
    'h-other-003',
    o,
    'hozpol',
    ['hz-us-27'],
    [['УЗ дуплексное сканирование сосудов верхних конечностей (1 конечность)', 750, 'x']],
    'upper limbs against lower limbs, same price in the list',
  ),
  one(
    'h-other-004',
    o,
    'hozpol',
    ['hz-us-01'],
    [['УЗИ почек и надпочечников', 600, 'x']],
    'another organ, same price in the list',
  ),
  one(
    'h-other-005',
    o,
    'mri',
    ['mr-shoulder1'],
    [['МРТ локтевого сустава (один сустав)', 5000, 'x']],
    'elbow against shoulder, same price in the list',
  ),
  one(
    'h-other-006',
    o,
    'mri',
    ['mr-knee1'],
    [['КТ коленного сустава', 5000, 'x']],
    'CT against MRI of the same joint, at the MRI price',
  ),
  one(
    'h-other-007',
    o,
    'hozpol',
    ['hz-lab-47'],
    [['Исследование уровня аспартат-трансаминазы в крови', 170, 'x']],
    'AST against ALT, at the ALT price',
  ),
  one(
    'h-other-008',
    o,
    'hozpol',
    ['hz-lab-26'],
    [['Исследование уровня триглицеридов в крови', 160, 'x']],
    'triglycerides against cholesterol, at the cholesterol price',
  ),
  one(
    'h-other-009',
    o,
    'asek',
    ['as-pancr'],
    [['УЗИ селезенки', 146, 'x']],
    'spleen against pancreas, same price',
  ),
  one(
    'h-other-010',
    o,
    'gomel',
    ['gm-ribs'],
    [['Рентгенография грудины', 8.23, 'x']],
    'sternum against ribs, at the ribs price',
  ),
  one(
    'h-other-011',
    o,
    'hozpol',
    ['hz-neur-01'],
    [['Прием врача-оториноларинголога специалиста первичный', 750, 'x']],
    'another specialty, same price',
  ),
  one(
    'h-other-012',
    o,
    'dent37',
    ['d37-ext-simple'],
    [['Резекция верхушки корня (одного зуба)', 1000, 'x']],
    'another operation at the extraction price',
  ),
  one(
    'h-other-013',
    o,
    'sistom',
    ['si-subg'],
    [['Удаление наддесневых зубных отложений', 150, 'x']],
    'supragingival against subgingival, at the subgingival price',
  ),
  one(
    'h-other-014',
    o,
    'hozpol',
    ['hz-card-01', 'hz-us-17'],
    [
      ['Прием врача-кардиолога специалиста первичный', 750, 1],
      ['Эхокардиография', 1100, 'x'],
    ],
    'the echo is not covered; the visit is paid',
  ),
  one(
    'h-other-015',
    o,
    'hozpol',
    ['hz-gyn-01', 'hz-us-03'],
    [
      ['Прием врача-акушер-гинеколога специалиста первичный', 750, 1],
      ['Кольпоскопия', 500, 'x'],
    ],
    'a procedure the letter does not cover',
  ),
  one(
    'h-other-016',
    o,
    'hozpol',
    ['hz-ent-11'],
    [['Удаление инородного тела из слухового отверстия, носоглотки', 280, 'x']],
    'another ENT procedure at the letter price',
  ),
  one(
    'h-other-017',
    o,
    'gp9',
    ['g9-fl-prof-1'],
    [['Рентгеноскопия органов грудной полости', 1.81, 'x']],
    'fluoroscopy billed at the fluorography price',
  ),
  one(
    'h-other-018',
    o,
    'tikh',
    ['tk-appl'],
    [['1.5 Одонтометрия 1 зуба', 71, 'x']],
    'another row at the letter price',
  ),
];

const TER: HItem = ['Прием врача-терапевта специалиста первичный', 750, 1];
const MRK: HItem = ['МРТ коленного сустава (один сустав)', 5000, 1];
const EXT: HItem = ['Удаление зуба простое (включая осмотр)', 1000, 1];

const RECEIPT_LEVEL: HCase[] = [
  one('h-rl-001', r, 'hozpol', ['hz-ter-01'], [TER], 'WRONG_CLINIC: sold by the dental clinic', {
    inn: INN_DENT37,
  }),
  one('h-rl-002', r, 'mri', ['mr-knee1'], [MRK], 'WRONG_CLINIC: a 12-digit ИНН of an entrepreneur', {
    inn: INN_OTHER_IP,
  }),
  one(
    'h-rl-003',
    r,
    'hozpol',
    ['hz-ter-01'],
    [['Медицинская услуга', 750, 'unid']],
    'WRONG_CLINIC decides before the item checks',
    { inn: INN_ASEK },
  ),
  one('h-rl-004', r, 'hozpol', ['hz-ter-01'], [TER], 'OUTSIDE_VALIDITY: the morning after validUntil', {
    dateTime: '2026-12-21T08:05:00',
  }),
  one('h-rl-005', r, 'dent37', ['d37-ext-simple'], [EXT], 'OUTSIDE_VALIDITY: the day before validFrom', {
    dateTime: '2026-11-19T16:20:00',
  }),
  one('h-rl-006', r, 'mri', ['mr-knee1'], [MRK], 'the last minutes of validUntil are inside', {
    dateTime: '2026-12-20T23:50:00',
    want: [500000, 25000],
  }),
  {
    id: 'h-rl-007',
    cls: r,
    clinic: 'hozpol',
    lines: ['hz-ter-01'],
    receipts: [
      { items: [TER], note: 'the sale', cls: 'clean' },
      { items: [TER], note: 'NOT_A_SALE: its refund (возврат прихода)', op: 2 },
    ],
  },
  one('h-rl-008', r, 'dent37', ['d37-ext-simple'], [EXT], 'NOT_A_SALE: расход (operationType 3)', { op: 3 }),
  {
    id: 'h-rl-009',
    cls: r,
    clinic: 'mri',
    lines: [['mr-knee1', 2]],
    receipts: [
      { items: [MRK], note: 'first submission', cls: 'clean' },
      { items: [MRK], note: 'DUPLICATE_RECEIPT: the same fn+i, the letter still has quantity', dup: true },
    ],
  },
  one('h-rl-010', r, 'hozpol', ['hz-ter-01'], [TER], 'SUM_MISMATCH: total 50 ₽ above the items', {
    sumDeltaRub: 50,
  }),
  one(
    'h-rl-011',
    r,
    'hozpol',
    ['hz-neur-01'],
    [['Прием врача-невролога специалиста повторный', 750, 'near']],
    'SUM_MISMATCH and NEAR_MISS',
    { sumDeltaRub: -0.01 },
  ),
  one('h-rl-012', r, 'mri', ['mr-knee1'], [MRK], 'ADVANCE_OFFSET: 2000 ₽ advance offset', {
    prepaidRub: 2000,
  }),
  one('h-rl-013', r, 'hozpol', ['hz-ter-01'], [TER], 'LIMIT_REACHED: 500 ₽ left of the limit', {
    limitRub: 500,
    want: [50000, 3750],
  }),
  one('h-rl-014', r, 'dent37', ['d37-ext-simple'], [EXT], 'LIMIT_REACHED: nothing left: rejected', {
    limitRub: 0,
    want: [0, 0],
  }),
  {
    id: 'h-rl-015',
    cls: r,
    clinic: 'hozpol',
    lines: [['hz-mass-10', 15]],
    limitRub: 6000,
    receipts: [
      {
        items: [['Массаж спины медицинский (1 сеанс)', 480, 1, 10]],
        note: 'within the limit: 1200 ₽ left',
        want: [480000, 24000],
      },
      {
        items: [['Массаж спины медицинский', 480, 1, 5]],
        note: 'LIMIT_REACHED: 2400 ₽ due, 1200 ₽ left',
        want: [120000, 12000],
      },
    ],
  },
  one('h-rl-016', r, 'mri', ['mr-knee1'], [MRK], 'franchise 10 % alone keeps it approved', {
    franchisePercent: 10,
    want: [450000, 25000],
  }),
  one(
    'h-rl-017',
    r,
    'hozpol',
    ['hz-neur-01'],
    [['Прием врача-невролога специалиста первичный', 820, 1]],
    'franchise 15 % on the capped amount',
    { franchisePercent: 15, want: [63750, 4100] },
  ),
  one(
    'h-rl-018',
    r,
    'asek',
    ['as-bladder'],
    [['УЗИ мочевого пузыря с опр. остаточной мочи', 109.5, 1]],
    'cashback 7.5 % of 109.50 ₽ = 821.25 kopecks → 821',
    {
      cashbackPercent: 7.5,
      want: [10950, 821],
    },
  ),
  {
    id: 'h-rl-019',
    cls: r,
    clinic: 'hozpol',
    lines: ['hz-neur-01'],
    receipts: [
      {
        items: [['Прием врача-невролога специалиста повторный', 750, 'near']],
        note: 'NEAR_MISS: waits for a person, consumes nothing',
        cls: 'variant',
      },
      {
        items: [[NEUR1, 750, 1]],
        note: 'a later clean receipt still finds the quantity',
        want: [75000, 3750],
      },
    ],
  },
  one(
    'h-rl-020',
    r,
    'gomel',
    ['gm-chest-2'],
    [['Рентгенография (обзорная) грудной полости в двух проекциях', 15.49, 1]],
    'no cashback, no limit',
    {
      cashbackPercent: 0,
      limitRub: null,
      want: [1549, 0],
    },
  ),
];

export const CASES: HCase[] = [...CLEAN, ...VARIANT, ...GENERIC, ...OTHER, ...RECEIPT_LEVEL];
