import type { ServiceKind } from '../services/lexicon.ts';
import { qualifiersOfCode } from '../services/qualifiers.ts';
import { readServiceName } from '../services/read-service-name.ts';

/**
 * What the first group of an 804н code says about a service, and the words by which a service name
 * reveals its kind (read by the service identity model, `services/`). Class A codes are simple services, grouped by kind in the second and third characters
 * (A04 ultrasound, A05 electrical and magnetic signals, A06 X-ray, A09 laboratory); class B codes are
 * complex ones (B01 a doctor's visit, B03 a set of laboratory tests). In B01 the last group tells first
 * (.001) from repeat (.002) visits. Only the classes below are judged; other codes get no opinion.
 */

type Family = 'ultrasound' | 'signals' | 'xray' | 'lab' | 'visit';

/** The family of each service kind the identity model reads from a name; other kinds are not judged. */
const FAMILY_OF_KIND: Partial<Record<ServiceKind, Family>> = {
  ultrasound: 'ultrasound',
  ecg: 'signals',
  mri: 'signals',
  xray: 'xray',
  ct: 'xray',
  lab: 'lab',
  visit: 'visit',
};

const FAMILY_NOUN: Record<Family, string> = {
  ultrasound: 'ультразвуковое исследование',
  signals: 'регистрация электрических или магнитных сигналов (ЭКГ, ЭЭГ, МРТ)',
  xray: 'рентгенологическое исследование',
  lab: 'лабораторное исследование',
  visit: 'приём (осмотр, консультация) врача',
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

/**
 * A warning when the name of a service contradicts its 804н code: the name speaks only of another kind
 * of service, or a B01 visit is called repeat under a first-visit code (and the other way round).
 * Null when they agree or when the name says too little to judge. Expects a valid code.
 */
export function classWarning(code: string, name: string): string | null {
  const cls = SERVICE_CLASSES[code.slice(0, 3)];
  if (!cls) return null;
  const identity = readServiceName(name);
  const family = identity.kind ? FAMILY_OF_KIND[identity.kind] : undefined;
  if (!family) return null;
  if (family !== cls.family)
    return `Код ${code.slice(0, 3)} — ${cls.title}, а по наименованию это ${FAMILY_NOUN[family]}. Проверьте код`;
  const visit = qualifiersOfCode(code).visit;
  if (visit === 'first' && identity.qualifiers.visit === 'repeat')
    return 'Код на .001 — первичный приём, а в наименовании «повторный». Проверьте код';
  if (visit === 'repeat' && identity.qualifiers.visit === 'first')
    return 'Код на .002 — повторный приём, а в наименовании «первичный». Проверьте код';
  return null;
}
