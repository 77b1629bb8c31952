/**
 * The service lexicon: how Russian clinics and their tills name services. Data only, reviewed like a
 * price list: every entry is in the words a price list or a till prints, and is stemmed at load time by
 * the same Snowball stemmer that reads names, so an entry never depends on how a word is inflected.
 * Sources for the abbreviations and name shapes: public clinic price lists and real receipts, see
 * `bench/adjudication/SOURCES.md`.
 */

/** The kind of a service: the first half of its identity (the object is the second). */
export type ServiceKind =
  | 'visit'
  | 'ultrasound'
  | 'ecg'
  | 'lab'
  | 'xray'
  | 'mri'
  | 'ct'
  | 'endoscopy'
  | 'massage'
  | 'injection';

/**
 * Till abbreviations, looked up on a lower-cased token with its inner hyphens, slashes and a final dot
 * removed («в-ча» → «вча», «б/х» → «бх», «конс.» → «конс»). A value may be several words.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  igg: 'иммуноглобулин ~g',
  igm: 'иммуноглобулин ~m',
  iga: 'иммуноглобулин ~a',
  ige: 'иммуноглобулин ~e',
  конс: 'консультация',
  консул: 'консультация',
  консульт: 'консультация',
  перв: 'первичный',
  первич: 'первичный',
  повт: 'повторный',
  повтор: 'повторный',
  осм: 'осмотр',
  вр: 'врача',
  вча: 'врача',
  врча: 'врача',
  взр: 'взрослый',
  дет: 'детский',
  детск: 'детский',
  иссл: 'исследование',
  исслед: 'исследование',
  опр: 'определение',
  опред: 'определение',
  уз: 'ультразвуковое',
  узи: 'ультразвуковое исследование',
  оак: 'общий анализ крови',
  оам: 'общий анализ мочи',
  экг: 'электрокардиография',
  эхокг: 'эхокардиография',
  эхо: 'эхокардиография',
  мрт: 'магнитно резонансная томография',
  кт: 'компьютерная томография',
  мскт: 'компьютерная томография',
  фгдс: 'эзофагогастродуоденоскопия',
  эгдс: 'эзофагогастродуоденоскопия',
  срб: 'с реактивный белок',
  ттг: 'тиреотропный гормон',
  бх: 'биохимический',
  биохим: 'биохимический',
  рграфия: 'рентгенография',
  ргр: 'рентгенография',
  рентг: 'рентгенография',
  вв: 'внутривенная',
  вм: 'внутримышечная',
  пк: 'подкожная',
  анест: 'анестезия',
  гр: 'грудной',
  обл: 'области',
  общ: 'общий',
  клин: 'клинический',
  лев: 'левый',
  прав: 'правый',
  мед: 'медицинская',
  в12: 'витамин в12',
  обп: 'органов брюшной полости',
  омт: 'органов малого таза',
  уздг: 'ультразвуковая допплерография',
  цдк: 'цветовое допплеровское картирование',
  бца: 'брахиоцефальных артерий',
  лп: 'лекарственных препаратов',
  увт: 'ударно волновая терапия',
  смад: 'суточное мониторирование артериального давления',
  ад: 'артериального давления',
  лор: 'оториноларинголога',
  лузлы: 'лимфатические узлы',
  лимфоузлы: 'лимфатические узлы',
  лимфоузлов: 'лимфатических узлов',
  жпузырь: 'желчный пузырь',
  жпузыря: 'желчного пузыря',
  скан: 'сканирование',
  трузи: 'трансректальное ультразвуковое исследование',
  лейкоформула: 'лейкоцитарная формула',
  лейкоформулой: 'лейкоцитарной формулой',
  d: 'д',
  oh: '',
};

/**
 * Words of one concept, whichever way it is written: when all words of a phrase are in a name, they are
 * replaced by the concept (and the kind it implies). «Общий (клинический) анализ крови», «Клинический
 * анализ крови» and «ОАК» are one analysis; «Эхокардиография» is an ultrasound of the heart.
 */
export const CONCEPTS: readonly { phrases: readonly string[]; concept: string; kind?: ServiceKind }[] = [
  {
    phrases: [
      'общий клинический анализ крови',
      'общий анализ крови',
      'клинический анализ крови',
      'гемограмма',
    ],
    concept: 'оак',
    kind: 'lab',
  },
  {
    phrases: ['общий клинический анализ мочи', 'общий анализ мочи', 'клинический анализ мочи'],
    concept: 'оам',
    kind: 'lab',
  },
  { phrases: ['с реактивный белок', 'c реактивный белок'], concept: 'срб', kind: 'lab' },
  { phrases: ['тиреотропный гормон', 'тиреотропного гормона'], concept: 'ттг', kind: 'lab' },
  { phrases: ['аланинаминотрансфераза', 'аланин трансаминаза', 'алт', 'алат'], concept: 'алт', kind: 'lab' },
  {
    phrases: ['аспартатаминотрансфераза', 'аспартат трансаминаза', 'аст', 'асат'],
    concept: 'аст',
    kind: 'lab',
  },
  { phrases: ['ультравысокочастотная терапия', 'увч терапия', 'увч'], concept: 'увч' },
  { phrases: ['тиреопероксидаза', 'тпо'], concept: 'тпо' },
  {
    phrases: ['эхокардиография', 'ультразвуковое исследование сердца'],
    concept: 'сердце',
    kind: 'ultrasound',
  },
  {
    phrases: [
      'эзофагогастродуоденоскопия',
      'гастроскопия',
      'гастродуоденоскопия',
      'фиброгастроскопия',
      'фиброгастродуоденоскопия',
      'видеогастроскопия',
    ],
    concept: 'эгдс',
    kind: 'endoscopy',
  },
  {
    phrases: [
      'органов грудной клетки',
      'органов грудной полости',
      'грудной клетки',
      'грудной полости',
      'легких',
    ],
    concept: 'легкие',
  },
  { phrases: ['флюорография'], concept: 'флюорография', kind: 'xray' },
  { phrases: ['маммография'], concept: 'маммография', kind: 'xray' },
];

/**
 * Words that name the kind of a service, most specific first; a name takes the first kind whose phrase
 * it contains in full. `needsObject`: the kind alone does not say which service it is («УЗИ», «Приём
 * врача», «Анализ крови»), so a name with nothing else is generic.
 */
export const KINDS: readonly {
  kind: ServiceKind;
  phrases: readonly string[];
  /** Words that, in this kind, add nothing to which service it is («регистрация» of an ECG). */
  filler?: readonly string[];
  needsObject: boolean;
}[] = [
  {
    kind: 'ecg',
    phrases: ['электрокардиография', 'электрокардиограммы', 'электрокардиографическое'],
    filler: [
      'регистрация',
      'расшифровка',
      'описание',
      'интерпретация',
      'снятие',
      'запись',
      'данных',
      'покоя',
      'исследование',
    ],
    needsObject: false,
  },
  {
    kind: 'ultrasound',
    phrases: [
      'ультразвуковое исследование',
      'ультразвуковое',
      'ультразвуковая',
      'эхография',
      'сонография',
      'дуплексное сканирование',
      'триплексное сканирование',
      'допплерография',
    ],
    filler: ['диагностика'],
    needsObject: true,
  },
  { kind: 'mri', phrases: ['магнитно резонансная томография', 'магнитно резонансная'], needsObject: true },
  {
    kind: 'ct',
    phrases: ['компьютерная томография', 'спиральная компьютерная томография'],
    needsObject: true,
  },
  {
    kind: 'xray',
    phrases: ['рентгенография', 'рентгенологическое исследование', 'рентгеновский снимок', 'рентгеноскопия'],
    filler: ['снимок', 'обзорная'],
    needsObject: true,
  },
  {
    kind: 'lab',
    phrases: [
      'исследование уровня',
      'определение уровня',
      'определение концентрации',
      'определение активности',
      'анализ',
      'определение',
    ],
    filler: [
      'уровня',
      'концентрации',
      'количества',
      'активности',
      'крови',
      'сыворотке',
      'плазме',
      'венозной',
      'капиллярной',
    ],
    needsObject: true,
  },
  { kind: 'endoscopy', phrases: ['эндоскопия', 'колоноскопия', 'бронхоскопия'], needsObject: false },
  { kind: 'massage', phrases: ['массаж'], filler: ['сеанс', 'сеанса', 'процедура'], needsObject: true },
  { kind: 'injection', phrases: ['инъекция', 'укол', 'капельница', 'инфузия'], needsObject: false },
  {
    kind: 'visit',
    phrases: ['прием', 'консультация', 'осмотр', 'врача', 'визит'],
    filler: ['прием', 'консультация', 'осмотр', 'врача', 'врач', 'специалиста', 'специалист', 'доктора'],
    needsObject: true,
  },
];

/** Joining words and words that say nothing of the service in any kind. */
export const FILLER: readonly string[] = [
  'и',
  'или',
  'в',
  'во',
  'на',
  'по',
  'для',
  'с',
  'со',
  'от',
  'до',
  'под',
  'при',
  'к',
  'о',
  'об',
  'из',
  'за',
  'у',
  'а',
  'без',
  'ед',
  'шт',
  'услуга',
  'проведение',
  'выполнение',
  // Blood is taken from a peripheral vein unless said otherwise.
  'периферической',
];

/** With filler, these make a name say nothing about which service was given («Медицинская услуга»). */
export const GENERIC: readonly string[] = [
  'медицинская',
  'медицинские',
  'услуга',
  'услуги',
  'платные',
  'оплата',
  'предоплата',
  'доплата',
  'аванс',
  'счету',
  'счет',
  'договору',
  'договор',
  'номер',
  'пациента',
  'лечение',
  'оказание',
  'товар',
  'специалиста',
  'специалист',
  'прочие',
  // «Услуги процедурного кабинета», «Физиопроцедура»: a room or a branch of care, not a service.
  'процедурного',
  'процедурный',
  'кабинета',
  'кабинет',
  'физиопроцедура',
  'физиопроцедуры',
  'диагностика',
  'обследование',
  'исследование',
];

/**
 * Words whose Snowball stem would join them to another word: «прием» would become «при» (a preposition),
 * «калий» would become «кал» (stool, as in «анализ кала»).
 */
export const STEM_EXCEPTIONS: Readonly<Record<string, string>> = {
  прием: 'прием',
  приема: 'прием',
  приемом: 'прием',
  приемы: 'прием',
  калий: 'калий',
  калия: 'калий',
};

/** Stems the Snowball stemmer leaves apart although they are one word («почек» and «почки»). */
export const STEM_ALIASES: Readonly<Record<string, string>> = {
  почек: 'почк',
  белок: 'белк',
  рентг: 'рентгенограф',
};

/**
 * What a doctor types in the console's service search, beyond the words themselves: each key is a
 * typed word (lower case, ё as е), each value the PostgreSQL regular expressions any of which finds it
 * in a price-list name.
 */
export const SEARCH_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  экг: ['\\mэкг\\M', 'электрокардиогр'],
  узи: ['\\mузи\\M', 'ультразвук', '\\mуз\\M', 'эхограф'],
  уз: ['\\mузи\\M', 'ультразвук', '\\mуз\\M'],
  оак: [
    '\\mоак\\M',
    'общ[а-я]* [(]?(клиническ[а-я]*[)]? )?анализ[а-я]* кров',
    'клиническ[а-я]* анализ[а-я]* кров',
    'анализ[а-я]* кров[а-я]* [(]?(общ|клиническ)',
    'гемограм',
  ],
  оам: [
    '\\mоам\\M',
    'общ[а-я]* [(]?(клиническ[а-я]*[)]? )?анализ[а-я]* моч',
    'клиническ[а-я]* анализ[а-я]* моч',
  ],
  мрт: ['\\mмрт\\M', 'магнитно[- ]?резонанс'],
  кт: ['\\mкт\\M', '\\mмскт\\M', 'компьютерн[а-я]* томограф'],
  эхокг: ['\\mэхокг\\M', '\\mэхо[- ]кг\\M', 'эхокардиогр'],
  фгдс: ['\\mфгдс\\M', '\\mэгдс\\M', 'эзофагогастродуоденоскоп', 'гастроскоп'],
  эгдс: ['\\mфгдс\\M', '\\mэгдс\\M', 'эзофагогастродуоденоскоп', 'гастроскоп'],
  срб: ['\\mсрб\\M', 'c-реактивн', 'с-реактивн', '[cс][- ]реактивн'],
  ттг: ['\\mттг\\M', 'тиреотропн'],
  рентген: ['рентген', '\\mр-граф'],
  прием: ['прием', 'консультац', 'осмотр'],
  консультация: ['прием', 'консультац', 'осмотр'],
};

/**
 * Analytes measured as a fraction: with one of these in a name, «общий», «свободный», «прямой»,
 * «непрямой», «связанный» and «ионизированный» tell two analyses apart («Т4 свободный», «Билирубин
 * прямой»). Beginnings of words as printed, lower case.
 */
export const FRACTION_ANALYTES: readonly string[] = [
  'билирубин',
  'т3',
  'т4',
  'трийодтиронин',
  'тироксин',
  'пса',
  'простатспецифическ',
  'простат-специфическ',
  'холестерин',
  'белок',
  'тестостерон',
  'кальци',
  'эстриол',
  'хгч',
  'хорионическ',
  'иммуноглобулин',
];
