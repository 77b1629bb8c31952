/**
 * The services of the console search benchmark: about 2 050 804н codes of many families (doctors' visits of
 * 40 specialties, ultrasound of organs, laboratory tests, X-ray, MRI and CT by zone, ECG and other functional
 * tests, endoscopy, physiotherapy, massage, dentistry, minor surgery…), each with its 804н-style name and the
 * ways clinics write it. `clinicPriceList` turns them into one clinic's rows: its own numbering, its own
 * spelling habits (ё, capitals, abbreviations, suffixes), its own prices.
 */

// The family files add their services to the registry as they load, so their order here is the order codes
// are assigned in: keep it.
import './services/visits.ts';
import './services/functional.ts';
import './services/ultrasound.ts';
import './services/imaging.ts';
import './services/lab-sets-analytes.ts';
import './services/lab-antibodies-allergens.ts';
import './services/lab-pcr-cultures-genes.ts';
import './services/pathology.ts';
import './services/physio-massage.ts';
import './services/surgery.ts';
import './services/hand-listed.ts';
import './services/dental-vaccination.ts';
import './services/rehab.ts';
import { seededRandom } from '../seeded-random.ts';
import { SERVICES } from './services/builder.ts';

// --- One clinic's rows.

const SUFFIXES = [' (взрослые)', ' (дети)', ', cito!', ' (срочно)', ' с описанием'];
const VISIT_SUFFIXES = [
  ', к.м.н.',
  ', д.м.н., профессор',
  ' (врач высшей категории)',
  ' (ведущий специалист)',
];
const NUMBERING = 6;
const SECTION: Record<string, string> = {
  visit: 'ПРМ',
  functional: 'ФД',
  ultrasound: 'УЗИ',
  xray: 'РЕН',
  mri: 'МРТ',
  ct: 'КТ',
  lab: 'ЛАБ',
  pathology: 'ПАТ',
  physio: 'ФТО',
  massage: 'МАС',
  surgery: 'ХИР',
  endoscopy: 'ЭНД',
  eyes: 'ОФТ',
  ent: 'ЛОР',
  gyn: 'ГИН',
  procedure: 'МАН',
  dental: 'СТМ',
  vaccination: 'ВАК',
  rehab: 'РЕА',
};
const FAMILIES = Object.keys(SECTION);
const ORDER = new Map(FAMILIES.map((f, i) => [f, i]));
const CORE = SERVICES.filter((s) => s.core);
const REST = SERVICES.filter((s) => !s.core);

/**
 * A clinic's price list: `rows` codes (every core code first, then a sample of the rest), names in the
 * clinic's own habits, its own numbering, prices of its own level. Rows as insertPublishedVersion takes them.
 */
export function clinicPriceList(
  clinic: number,
  rows: number,
): [clinicCode: string, serviceCode: string, name: string, kopecks: number][] {
  if (rows > SERVICES.length) throw new Error(`at most ${SERVICES.length} rows per clinic`);
  const rnd = seededRandom(clinic * 7919 + 17);
  const shuffle = <T>(a: T[]) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const core = shuffle([...CORE]);
  const rest = shuffle([...REST]);
  const chosen = [...core, ...rest].slice(0, rows);
  // Family order as in the clinic's printed list; inside a family, by code.
  chosen.sort((a, b) => ORDER.get(a.family)! - ORDER.get(b.family)! || (a.code < b.code ? -1 : 1));
  const numbering = clinic % NUMBERING;
  const yo = rnd() < 0.15;
  const caps = rnd() < 0.04;
  const tight = rnd() < 0.05;
  const level = 0.7 + rnd() * 0.9;
  /** The clinic writes each family its own way: the 804н name about half the time, else one variant. */
  const style = new Map(FAMILIES.map((f) => [f, rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 5)]));
  const seq = new Map<string, number>();
  return chosen.map((s) => {
    const n = (seq.get(s.family) ?? 0) + 1;
    seq.set(s.family, n);
    const section = ORDER.get(s.family)! + 1;
    const clinicCode = [
      `${section}.${String(n).padStart(2, '0')}`,
      String(section * 1000 + n).padStart(5, '0'),
      `К-${section}${String(n).padStart(3, '0')}`,
      s.code,
      `${SECTION[s.family]}-${n}`,
      `${clinic + 1}/${section}.${n}`,
    ][numbering]!;
    const pick = style.get(s.family)!;
    // One row in ten is written differently from the clinic's habit for its family.
    let name =
      rnd() < 0.1
        ? s.names[Math.floor(rnd() * s.names.length)]!
        : s.names[Math.min(pick, s.names.length - 1)]!;
    const r = rnd();
    if (s.family === 'visit' && r < 0.08) name += VISIT_SUFFIXES[Math.floor(rnd() * VISIT_SUFFIXES.length)];
    else if (r < 0.04) name += SUFFIXES[Math.floor(rnd() * SUFFIXES.length)];
    if (yo) name = name.replace(/Прием/g, 'Приём').replace(/развернутый/g, 'развёрнутый');
    if (tight) name = name.replace(/ \(/g, '(').replace(/, /g, ',');
    if (caps) name = name.toUpperCase();
    const rubles = Math.max(100, Math.round((s.rubles * level * (0.85 + rnd() * 0.3)) / 10) * 10);
    return [clinicCode, s.code, name, rubles * 100];
  });
}
