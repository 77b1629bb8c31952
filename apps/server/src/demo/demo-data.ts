import type { Role } from '@remed/core';

/** Demo organisations are fictional; ИНН/ОГРН carry valid check digits so every validator accepts them. */
export const DEMO_PASSWORD = 'Remed-demo-2026';

export const DEMO_INSURER = { name: 'АО «Страховая компания «Надёжный полис»', inn: '7701000121' };
export const DEMO_POLICYHOLDER = { name: 'ООО «Северный ветер» (работодатель)', inn: '7702000340' };

type DemoPrice = [clinicCode: string, serviceCode: string, name: string, rubles: number];

const SERVICES: [serviceCode: string, name: string, baseRubles: number][] = [
  ['B01.047.001', 'Прием (осмотр, консультация) врача-терапевта первичный', 2500],
  ['B01.047.002', 'Прием (осмотр, консультация) врача-терапевта повторный', 2100],
  ['B01.023.001', 'Прием (осмотр, консультация) врача-невролога первичный', 3200],
  ['B01.023.002', 'Прием (осмотр, консультация) врача-невролога повторный', 2700],
  ['B01.028.001', 'Прием (осмотр, консультация) врача-оториноларинголога первичный', 2900],
  ['B01.029.001', 'Прием (осмотр, консультация) врача-офтальмолога первичный', 2800],
  ['B01.015.001', 'Прием (осмотр, консультация) врача-кардиолога первичный', 3500],
  ['B01.058.001', 'Прием (осмотр, консультация) врача-эндокринолога первичный', 3300],
  ['B01.001.001', 'Прием (осмотр, консультация) врача-акушера-гинеколога первичный', 3000],
  ['A04.16.001', 'Ультразвуковое исследование органов брюшной полости (комплексное)', 3400],
  ['A04.22.001', 'Ультразвуковое исследование щитовидной железы и паращитовидных желез', 2200],
  ['A04.10.002', 'Эхокардиография', 4500],
  ['A05.10.006', 'Регистрация электрокардиограммы', 1200],
  ['A06.09.007', 'Рентгенография легких', 1900],
  ['A05.23.009', 'Магнитно-резонансная томография головного мозга', 7900],
  ['B03.016.003', 'Общий (клинический) анализ крови развернутый', 750],
  ['B03.016.006', 'Общий (клинический) анализ мочи', 450],
  ['A09.05.023', 'Исследование уровня глюкозы в крови', 350],
  ['A09.05.065', 'Исследование уровня тиреотропного гормона (ТТГ) в крови', 690],
  ['A11.12.009', 'Взятие крови из периферической вены', 250],
];

function priceList(prefix: string, factor: number, skip: string[] = []): DemoPrice[] {
  return SERVICES.filter(([code]) => !skip.includes(code)).map(([code, name, rub], n) => [
    `${prefix}.${String(n + 1).padStart(2, '0')}`,
    code,
    name,
    Math.round((rub * factor) / 10) * 10,
  ]);
}

export const DEMO_CLINICS = [
  {
    inn: '7715000562',
    kpp: '771501001',
    ogrn: '1177746000563',
    name: 'Общество с ограниченной ответственностью «Клиника Здоровье»',
    shortName: 'ООО «Клиника Здоровье»',
    address: 'г. Москва, ул. Бутырская, д. 46, стр. 2',
    phone: '+74951234567',
    email: 'info@zdorovie-clinic.ru',
    headName: 'Соколова Ирина Викторовна',
    headPost: 'Генеральный директор',
    bik: '044525225',
    bankName: 'ПАО Сбербанк',
    correspondentAccount: '30101810400000000225',
    settlementAccount: '40702810938000012345',
    cashback: 5,
    branches: [
      {
        name: 'Клиника Здоровье на Савёловской',
        address: 'г. Москва, ул. Бутырская, д. 46, стр. 2',
        district: 'Савёловский',
        phone: '+74951234567',
        hours: 'пн–пт 8:00–21:00, сб–вс 9:00–18:00',
      },
      {
        name: 'Клиника Здоровье в Марьине',
        address: 'г. Москва, ул. Люблинская, д. 169',
        district: 'Марьино',
        phone: '+74951234568',
        hours: 'ежедневно 8:00–20:00',
      },
    ],
    prices: priceList('1', 1),
  },
  {
    inn: '7730000782',
    kpp: '773001001',
    ogrn: '1207700000782',
    name: 'Общество с ограниченной ответственностью «Медицинский центр «Семейный доктор плюс»',
    shortName: 'МЦ «Семейный доктор плюс»',
    address: 'г. Москва, Кутузовский проспект, д. 30',
    phone: '+74957654321',
    email: 'office@semdoc-plus.ru',
    headName: 'Миронов Павел Андреевич',
    headPost: 'Главный врач',
    bik: '044525225',
    bankName: 'ПАО Сбербанк',
    correspondentAccount: '30101810400000000225',
    settlementAccount: '40702810538000054321',
    cashback: 7,
    branches: [
      {
        name: 'Семейный доктор плюс на Кутузовском',
        address: 'г. Москва, Кутузовский проспект, д. 30',
        district: 'Дорогомилово',
        phone: '+74957654321',
        hours: 'пн–сб 8:00–21:00',
      },
    ],
    prices: priceList('МЦ', 1.18, ['A05.23.009']),
  },
  {
    inn: '5003000914',
    kpp: '500301001',
    ogrn: '1155003000910',
    name: 'Общество с ограниченной ответственностью «Диагностический центр «Видное-Мед»',
    shortName: 'ДЦ «Видное-Мед»',
    address: 'Московская обл., г. Видное, Советская ул., д. 12',
    phone: '+74955411020',
    email: 'dc@vidnoe-med.ru',
    headName: 'Кузнецова Ольга Сергеевна',
    headPost: 'Директор',
    bik: '044525225',
    bankName: 'ПАО Сбербанк',
    correspondentAccount: '30101810400000000225',
    settlementAccount: '40702810240000077777',
    cashback: 3,
    branches: [
      {
        name: 'Видное-Мед',
        address: 'Московская обл., г. Видное, Советская ул., д. 12',
        district: 'Видное',
        phone: '+74955411020',
        hours: 'пн–пт 7:30–20:00, сб 8:00–15:00',
      },
    ],
    prices: priceList('ДЦ', 0.86, ['B01.001.001', 'B01.015.001']),
  },
  // Two clinics of one network with the same price list and cashback: raise the cashback of one in its
  // cabinet and it moves above the other in the console's ranking.
  {
    inn: '7718000120',
    kpp: '771801001',
    ogrn: '1217700001122',
    name: 'Общество с ограниченной ответственностью «Мой доктор»',
    shortName: '«Мой доктор» на Соколе',
    address: 'г. Москва, Ленинградский проспект, д. 74',
    phone: '+74952220011',
    email: 'sokol@moy-doctor.ru',
    headName: 'Лебедев Антон Игоревич',
    headPost: 'Генеральный директор',
    bik: '044525225',
    bankName: 'ПАО Сбербанк',
    correspondentAccount: '30101810400000000225',
    settlementAccount: '40702810138000000005',
    cashback: 3,
    branches: [
      {
        name: '«Мой доктор» на Соколе',
        address: 'г. Москва, Ленинградский проспект, д. 74',
        district: 'Сокол',
        phone: '+74952220011',
        hours: 'ежедневно 8:00–21:00',
      },
    ],
    prices: priceList('МД', 1.1),
  },
  {
    inn: '7718000345',
    kpp: '773401001',
    ogrn: '1217700001342',
    name: 'Общество с ограниченной ответственностью «Мой доктор Строгино»',
    shortName: '«Мой доктор» в Строгино',
    address: 'г. Москва, ул. Маршала Катукова, д. 24',
    phone: '+74952220022',
    email: 'strogino@moy-doctor.ru',
    headName: 'Лебедев Антон Игоревич',
    headPost: 'Генеральный директор',
    bik: '044525225',
    bankName: 'ПАО Сбербанк',
    correspondentAccount: '30101810400000000225',
    settlementAccount: '40702810238000000002',
    cashback: 3,
    branches: [
      {
        name: '«Мой доктор» в Строгино',
        address: 'г. Москва, ул. Маршала Катукова, д. 24',
        district: 'Строгино',
        phone: '+74952220022',
        hours: 'ежедневно 8:00–21:00',
      },
    ],
    prices: priceList('МД', 1.1),
  },
];

/** The first clinic's second version, from the first day of the current month: what a price change looks like. */
export const DEMO_PRICE_CHANGES = {
  prices: { 'A04.22.001': 2400, 'A04.10.002': 4900, 'A09.05.065': 750 } as Record<string, number>,
  renamed: { 'A11.12.009': 'Взятие крови из периферической вены (венепункция)' } as Record<string, string>,
  added: [['1.21', 'A04.28.001', 'Ультразвуковое исследование почек и надпочечников', 2600]] as DemoPrice[],
  removed: ['B01.029.001'],
};

/**
 * A draft of the second clinic as if uploaded from a file: prices up about 5 % from the first day of next
 * month, with the mistakes accountants make, so the check report has something to show.
 */
export function demoDraftRows(
  prices: readonly DemoPrice[],
): [clinicCode: string, code: string, name: string, price: string][] {
  const rows = prices.map(([clinicCode, code, name, rubles]): [string, string, string, string] => [
    clinicCode,
    code,
    name,
    `${(Math.round((rubles * 1.05) / 10) * 10).toLocaleString('ru-RU')},00`,
  ]);
  const at = (code: string) => rows.findIndex((r) => r[1] === code);
  // A letter О typed for a zero, a first-visit name under a repeat-visit code, one code twice.
  rows[at('A05.10.006')]![3] = rows[at('A05.10.006')]![3].replace('0,00', 'О,00');
  rows[at('B01.023.002')]![2] = 'Прием (осмотр, консультация) врача-невролога первичный';
  rows.push(['МЦ.99', 'B03.016.003', 'Общий (клинический) анализ мочи', '550,00']);
  return rows;
}

export const DEMO_DRAFT_FILE = 'Прейскурант с 1-го числа.xlsx';

interface DemoAccount {
  login: string;
  phone?: string;
  fullName: string;
  roles: Role[];
  omsLevel?: 1 | 2 | 3;
  org?: 'insurer' | 'policyholder' | 'clinics';
  title: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    login: 'admin@demo.remed.ru',
    fullName: 'Соколова Анна Викторовна',
    roles: ['admin'],
    title: 'Администратор',
  },
  {
    login: 'doctor@demo.remed.ru',
    fullName: 'Петров Игорь Сергеевич',
    roles: ['console_doctor'],
    title: 'Врач пульта',
  },
  {
    login: 'clinic@demo.remed.ru',
    fullName: 'Смирнова Ольга Николаевна',
    roles: ['clinic_user'],
    org: 'clinics',
    title: 'Сотрудник сети клиник',
  },
  {
    login: 'insurer@demo.remed.ru',
    fullName: 'Кузнецов Дмитрий Андреевич',
    roles: ['insurer_user'],
    org: 'insurer',
    title: 'Страховая компания',
  },
  {
    login: 'employer@demo.remed.ru',
    fullName: 'Волкова Елена Павловна',
    roles: ['policyholder_user'],
    org: 'policyholder',
    title: 'Страхователь (работодатель)',
  },
  {
    login: 'insured@demo.remed.ru',
    phone: '+79161234567',
    fullName: 'Иванова Мария Петровна',
    roles: ['insured'],
    title: 'Застрахованный (вход также по телефону +7 916 123-45-67)',
  },
  {
    login: 'oms1@demo.remed.ru',
    fullName: 'Егорова Наталья Ивановна',
    roles: ['oms_rep'],
    omsLevel: 1,
    title: 'Страховой представитель ОМС, 1 уровень',
  },
  {
    login: 'oms2@demo.remed.ru',
    fullName: 'Орлов Максим Олегович',
    roles: ['oms_rep'],
    omsLevel: 2,
    title: 'Страховой представитель ОМС, 2 уровень',
  },
  {
    login: 'oms3@demo.remed.ru',
    fullName: 'Белова Ирина Юрьевна',
    roles: ['oms_rep'],
    omsLevel: 3,
    title: 'Страховой представитель ОМС, 3 уровень (врач-эксперт)',
  },
];

export const DEMO_PROGRAM = {
  contractNumber: 'ДМС-2026/117',
  code: 'STANDARD',
  name: 'Поликлиника «Стандарт»',
  description:
    'Приёмы врачей, анализы, УЗИ, ЭКГ и рентген в клиниках программы; МРТ — по согласованию с врачом пульта.',
  coveredPrefixes: ['B01.', 'B03.016', 'A04.', 'A05.10.', 'A06.', 'A09.', 'A11.'],
  exclusionPrefixes: ['B01.001.'],
  approvalPrefixes: ['A05.23.'],
  annualLimitRubles: 150_000,
  groupLimits: [{ prefix: 'A04.', name: 'УЗИ', limitRubles: 30_000 }],
  franchisePercent: 0,
};

/**
 * The first person is the demo insured account; the others are on the list but not yet registered. `detached`
 * (month-day of the demo year) puts a person on the clinics' detachment list.
 */
export const DEMO_INSURED = [
  {
    policy: 'ДМС-0012345',
    detached: null,
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: 'Петровна',
    birthDate: '1985-03-14',
    sex: 'female',
    phone: '+79161234567',
    email: 'insured@demo.remed.ru',
  },
  {
    policy: 'ДМС-0012346',
    detached: null,
    lastName: 'Смирнов',
    firstName: 'Алексей',
    middleName: 'Игоревич',
    birthDate: '1979-07-02',
    sex: 'male',
    phone: '+79161112233',
    email: 'smirnov@example.ru',
  },
  {
    policy: 'ДМС-0012347',
    detached: null,
    lastName: 'Кузнецова',
    firstName: 'Ольга',
    middleName: 'Викторовна',
    birthDate: '1992-11-25',
    sex: 'female',
    phone: '+79162223344',
    email: null,
  },
  {
    policy: 'ДМС-0012348',
    detached: null,
    lastName: 'Попов',
    firstName: 'Сергей',
    middleName: null,
    birthDate: '1963-01-30',
    sex: 'male',
    phone: '+79163334455',
    email: 'popov@example.ru',
  },
  {
    policy: 'ДМС-0012349',
    detached: '06-30',
    lastName: 'Лебедева',
    firstName: 'Татьяна',
    middleName: 'Андреевна',
    birthDate: '1988-09-09',
    sex: 'female',
    phone: '+79164445566',
    email: null,
  },
] as const;

/** Contacts of the service's departments on the clinic's «Контакты» page; an administrator edits them. */
export const DEMO_DEPARTMENT_CONTACTS = [
  {
    department: 'general',
    title: 'Служба поддержки клиник',
    personName: 'Дежурный администратор',
    phone: '+74950000010',
    email: 'clinics@demo.remed.ru',
    hours: 'ежедневно 8:00–22:00',
    topics:
      'Вход в кабинет, пользователи клиники, работа разделов кабинета, всё, что не знаете, куда отнести.',
  },
  {
    department: 'contracts',
    title: 'Договорной отдел',
    personName: 'Кузнецова Анна Сергеевна',
    phone: '+74950000011',
    email: 'dogovor@demo.remed.ru',
    hours: 'пн–пт 9:00–18:00',
    topics:
      'Заключение договора, дополнительные соглашения, изменение реквизитов, подписание документов в кабинете.',
  },
  {
    department: 'planning',
    title: 'Планово-экономический отдел',
    personName: 'Орлов Максим Игоревич',
    phone: '+74950000012',
    email: 'peo@demo.remed.ru',
    hours: 'пн–пт 10:00–18:00',
    topics: 'Прейскуранты и цены, реестры оказанных услуг, акты сверки, сроки и суммы оплат, кэшбэк.',
  },
  {
    department: 'expertise',
    title: 'Медицинская экспертиза',
    personName: 'Белова Татьяна Александровна, врач-эксперт',
    phone: '+74950000013',
    email: 'expert@demo.remed.ru',
    hours: 'пн–сб 8:00–20:00',
    topics:
      'Согласование услуг сверх гарантийного письма, замечания к оказанной помощи, медицинские документы пациентов.',
  },
] as const;

/** A conversation already under way, so the chat has history and an unread answer on the first visit. */
export const DEMO_CHAT = {
  department: 'contracts',
  messages: [
    {
      from: 'clinic',
      body: 'Добрый день! Мы открыли новый филиал в Марьине. Как добавить его в договор?',
    },
    {
      from: 'service',
      body: 'Здравствуйте! Пришлите, пожалуйста, адрес, часы работы и лицензию филиала — подготовим дополнительное соглашение.',
    },
    {
      from: 'clinic',
      body: 'Адрес: г. Москва, ул. Люблинская, д. 169, ежедневно 8:00–20:00. Лицензию приложу позже.',
    },
    {
      from: 'service',
      body: 'Спасибо! Дополнительное соглашение будет в кабинете в течение двух рабочих дней, подписать его можно кодом из SMS.',
    },
  ],
} as const;
