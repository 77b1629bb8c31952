import type { ServiceKind } from './lexicon.ts';
import { type QualifierFit, type Qualifiers, qualifierFit } from './qualifiers.ts';
import type { ServiceIdentity } from './read-service-name.ts';
import { oneEditApart } from './typos.ts';

/**
 * How two names relate: the same service; `near` — the same family but another variant, or one name
 * says more than the other (never paid without a person); or different services.
 */
export type ServiceFit = 'same' | 'near' | 'different';

// Kinds whose object names the service by itself: «Терапевт перв.» is a visit, «Глюкоза» an analysis.
// An organ alone does not tell an ultrasound from an MRI, so imaging kinds must be stated.
const SELF_NAMING: ReadonlySet<ServiceKind> = new Set(['visit', 'lab']);

/**
 * Kinds agree when equal, or when one name leaves out a kind whose object names the service by itself.
 * A name without a kind may also match an imaging line whose object it repeats in full and in detail
 * (two words or more: «Щитовидная железа + л/узлы» under a price list's УЗИ heading).
 */
export function kindsFit(a: ServiceKind | null, b: ServiceKind | null, sameDetailedObject = false): boolean {
  if (a === b) return true;
  if (a === null) return b !== null && (SELF_NAMING.has(b) || sameDetailedObject);
  return b === null && (SELF_NAMING.has(a) || sameDetailedObject);
}

/**
 * Whether two stems are one word: equal, a word cut short with a dot and a word it begins («лимф.» and
 * «лимфатическ»), or a long word with one letter mistyped («трансвагиальн»).
 */
export function stemsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.endsWith('.') || b.endsWith('.')) {
    const x = a.replace(/\.$/, '');
    const y = b.replace(/\.$/, '');
    return x.startsWith(y) || y.startsWith(x);
  }
  return a.length >= 8 && b.length >= 8 && oneEditApart(a, b);
}

const within = (a: readonly string[], b: readonly string[]) =>
  a.every((s) => b.some((t) => stemsMatch(s, t)));
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length > 0 && b.length > 0 ? within(a, b) && within(b, a) : a.length === b.length;

/**
 * The same object. What one side says in parentheses may be the other's whole name («Холестерин низкой
 * плотности (ЛПНП)» and «ЛПНП»). A word alone in parentheses («(комплексное)», «(копрограмма)»,
 * «(АТ-ТПО)») may be added, dropped or said outside them; a longer parenthesis («(печень, желчный
 * пузырь, …)») the item may leave out but not add. Where a one-word parenthesis counts, both must
 * still agree on two words or more.
 */
export function sameObject(item: ServiceIdentity, line: ServiceIdentity): boolean {
  if (sameSet(item.object, line.object)) return true;
  if (item.softObject.length > 0 && sameSet(item.softObject, line.hardObject)) return true;
  if (line.softObject.length > 0 && sameSet(line.softObject, item.hardObject)) return true;
  // Two different one-word parentheses are two variants: «(одна)» and «(две)», «(простое)» and «(сложное)».
  const itemOnly = item.aliasObject.filter((s) => !line.object.includes(s));
  const lineOnly = line.aliasObject.filter((s) => !item.object.includes(s));
  if (itemOnly.length > 0 && lineOnly.length > 0) return false;
  const itemCore = item.hardObject.filter((s) => !line.aliasObject.includes(s));
  const lineCore = line.hardObject.filter((s) => !item.aliasObject.includes(s));
  // One word left to agree on is too little, unless what one side adds is only an abbreviation of it
  // («Электроэнцефалография (ЭЭГ)»).
  const moved = itemCore.length < item.hardObject.length || lineCore.length < line.hardObject.length;
  const onlyAcronyms =
    itemOnly.every((s) => item.acronyms.includes(s)) && lineOnly.every((s) => line.acronyms.includes(s));
  const added = itemOnly.length + lineOnly.length > 0;
  if (Math.min(itemCore.length, lineCore.length) < ((moved || added) && !onlyAcronyms ? 2 : 1)) {
    return false;
  }
  if (!sameSet(itemCore, lineCore)) return false;
  // A parenthesis of the line is left out whole or said whole: «(дети 7+)» is not «(дети 0-7)».
  // Words the parenthesis repeats from outside it («массаж плечевого сустава (… плечевого сустава …)») do
  // not count as saying part of it.
  const has = (s: string) => item.object.some((t) => stemsMatch(s, t));
  const own = (g: readonly string[]) => g.filter((s) => !line.hardObject.includes(s));
  if (line.groups.some((g) => own(g).some(has) && !own(g).every(has))) return false;
  return within(
    item.softObject.filter((s) => !item.aliasObject.includes(s)),
    line.softObject,
  );
}

/**
 * Mostly the same words: another variant of one service («… трансвагинальное» and «…
 * трансабдоминальное», «(одна)» and «(две)», «30 мин» and «60 мин»).
 */
function sharesMost(a: ServiceIdentity, b: ServiceIdentity): boolean {
  const common = a.object.filter((s) => b.object.some((t) => stemsMatch(s, t))).length;
  // What either side says only in parentheses is detail, not a difference of service.
  const extra = (x: ServiceIdentity, y: ServiceIdentity) =>
    x.hardObject.filter((s) => !y.object.some((t) => stemsMatch(s, t))).length;
  return common >= 2 && extra(a, b) <= 2 && extra(b, a) <= 2;
}

/** Whether two objects share anything: a code with a name of another organ is not trusted. */
export function objectsOverlap(a: ServiceIdentity, b: ServiceIdentity): boolean {
  return (
    a.object.length === 0 ||
    b.object.length === 0 ||
    a.object.some((s) => b.object.some((t) => stemsMatch(s, t)))
  );
}

/**
 * The item says nothing the line does not: its object is within the line's and no qualifier of it
 * contradicts the line («ПСА» and «ПСА свободный», «Забор крови» and «Забор крови из вены»).
 */
export function saysNoMoreThan(
  item: ServiceIdentity,
  line: ServiceIdentity,
  implied: Qualifiers = {},
): boolean {
  return (
    item.object.length > 0 &&
    within(item.object, line.object) &&
    kindsFit(item.kind, line.kind) &&
    qualifierFit(item.qualifiers, line.qualifiers, implied) !== 'conflict'
  );
}

/** One object is part of the other: «Рентгенография грудной клетки» and «… в двух проекциях». */
export function partOfObject(a: ServiceIdentity, b: ServiceIdentity): boolean {
  if (a.object.length === 0 || b.object.length === 0) return false;
  return within(a.object, b.object) || within(b.object, a.object);
}

/** How an item (a till's name) fits a line (the letter's or price list's name); see `ServiceFit`. */
export function compareServices(
  item: ServiceIdentity,
  line: ServiceIdentity,
  implied: Qualifiers = {},
): ServiceFit {
  if (item.generic || line.generic) return 'different';
  const same = sameObject(item, line);
  if (!kindsFit(item.kind, line.kind, same && Math.min(item.object.length, line.object.length) >= 2)) {
    // A kind said on one side only, over the same words: a variant («… под контролем УЗИ»).
    const oneSided = item.kind === null || line.kind === null;
    return oneSided && (same || sharesMost(item, line)) ? 'near' : 'different';
  }
  const q: QualifierFit = qualifierFit(item.qualifiers, line.qualifiers, implied);
  if (same) return q === 'agree' ? 'same' : 'near';
  return partOfObject(item, line) || sharesMost(item, line) || numbersApart(item, line)
    ? 'near'
    : 'different';
}

// Units that only count what a number says: «(1–3 года)», «до 120 кг», «2 шт».
const COUNT_UNITS: ReadonlySet<string> = new Set(['лет', 'год', 'кг', 'шт', 'мес', 'месяц', 'недел', 'сут']);
const named = (x: ServiceIdentity) =>
  x.object.filter((s) => !s.startsWith('#') && !COUNT_UNITS.has(s.replace(/\.$/, '')));

/**
 * Of one kind, and apart only by numbers: another variant of one service — an age band («Детский массаж
 * (1–3 года)» and «(4–5 лет)»), a count («Папиллома 1 шт» and «2 шт»), a weight band.
 */
function numbersApart(item: ServiceIdentity, line: ServiceIdentity): boolean {
  if (item.kind !== line.kind && !(item.kind === null || line.kind === null)) return false;
  const counted = (x: ServiceIdentity) => x.object.length > named(x).length;
  if (!counted(item) && !counted(line)) return false;
  const a = named(item);
  const b = named(line);
  if (a.length === 0 && b.length === 0) return item.kind !== null && item.kind === line.kind;
  return a.length > 0 && b.length > 0 && (within(a, b) || within(b, a));
}

/**
 * A key equal for two names that read as the same service with nothing to tell them apart: kind, object
 * and qualifiers as stated. Two price-list rows with one key cannot be told apart on a receipt.
 */
export function identityKey(name: ServiceIdentity): string | null {
  if (name.generic) return null;
  const q = Object.entries(name.qualifiers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`);
  return `${name.kind ?? ''}|${name.object.join(' ')}|${q.join(',')}`;
}
