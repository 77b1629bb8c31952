/**
 * What the first group of an 804н code says about a service, and the words by which a service name
 * reveals its kind. Class A codes are simple services, grouped by kind in the second and third characters
 * (A04 ultrasound, A05 electrical and magnetic signals, A06 X-ray, A09 laboratory); class B codes are
 * complex ones (B01 a doctor's visit, B03 a set of laboratory tests). In B01 the last group tells first
 * (.001) from repeat (.002) visits. Only the classes below are judged; other codes get no opinion.
 */

type Family = 'ultrasound' | 'signals' | 'xray' | 'lab' | 'visit';

/** Stems match inside words; short abbreviations only as whole words (JS `\b` does not know Cyrillic). */
const word = (abbr: string) => `(?<![а-яa-z])${abbr}(?![а-яa-z])`;
const signals = (...parts: string[]) => new RegExp(parts.join('|'));

const FAMILIES: Record<Family, { noun: string; signals: RegExp }> = {
  ultrasound: {
    noun: 'ультразвуковое исследование',
    signals: signals(
      'ультразвук',
      word('узи'),
      'эхокардиогр',
      'эхограф',
      'допплер',
      'доплер',
      'дуплекс',
      'триплекс',
      'сонограф',
      'эластограф',
    ),
  },
  signals: {
    noun: 'регистрация электрических или магнитных сигналов (ЭКГ, ЭЭГ, МРТ)',
    signals: signals(
      'электрокардиогр',
      word('экг'),
      'энцефалогр',
      word('ээг'),
      'миограф',
      word('энмг'),
      'холтер',
      'магнитно-резонанс',
      word('мрт'),
      'реограф',
    ),
  },
  xray: {
    noun: 'рентгенологическое исследование',
    signals: signals(
      'рентген',
      'компьютерн[а-я]* томограф',
      word('кт'),
      word('мскт'),
      'флюорограф',
      'маммограф',
      'ортопантомограф',
      'урограф',
      'ирригоскоп',
    ),
  },
  lab: {
    noun: 'лабораторное исследование',
    signals: signals(
      'исследование уровня',
      'определение (уровня|активности|концентрации|антител|антиген)',
      'анализ (крови|мочи|кала)',
      '(?<![а-я])в (крови|сыворотке|плазме|моче|кале)',
      'антител',
      'коагулограм',
      'липидограм',
      word('оак'),
      word('оам'),
    ),
  },
  visit: {
    noun: 'приём (осмотр, консультация) врача',
    signals: signals('прием', 'консультац', 'осмотр'),
  },
};

/** The judged classes: what each one holds, in plain words for an accountant. */
export const SERVICE_CLASSES: Record<string, { title: string; family: Family }> = {
  A04: { title: 'ультразвуковые исследования', family: 'ultrasound' },
  A05: { title: 'регистрация электрических и магнитных сигналов: ЭКГ, ЭЭГ, МРТ', family: 'signals' },
  A06: { title: 'рентгенологические исследования, включая КТ', family: 'xray' },
  A09: { title: 'лабораторные исследования', family: 'lab' },
  B01: { title: 'приём (осмотр, консультация) врача', family: 'visit' },
  B03: { title: 'комплексы лабораторных исследований', family: 'lab' },
};

const normName = (name: string) => name.toLowerCase().replace(/ё/g, 'е');

/**
 * A warning when the name of a service contradicts its 804н code: the name speaks only of another kind
 * of service, or a B01 visit is called repeat under a first-visit code (and the other way round).
 * Null when they agree or when the name says too little to judge. Expects a valid code.
 */
export function classWarning(code: string, name: string): string | null {
  const cls = SERVICE_CLASSES[code.slice(0, 3)];
  if (!cls) return null;
  const text = normName(name);
  const own = FAMILIES[cls.family];
  if (!own.signals.test(text)) {
    const other = (Object.keys(FAMILIES) as Family[]).find(
      (f) => f !== cls.family && FAMILIES[f].signals.test(text),
    );
    if (other)
      return `Код ${code.slice(0, 3)} — ${cls.title}, а по наименованию это ${FAMILIES[other].noun}. Проверьте код`;
    return null;
  }
  if (cls.family === 'visit') {
    const visit = /^B01\.\d{2,3}\.(\d{3})$/.exec(code)?.[1];
    if (visit === '001' && /повторн/.test(text))
      return 'Код на .001 — первичный приём, а в наименовании «повторный». Проверьте код';
    if (visit === '002' && /первичн/.test(text))
      return 'Код на .002 — повторный приём, а в наименовании «первичный». Проверьте код';
  }
  return null;
}
