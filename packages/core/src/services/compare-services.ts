import type { ServiceKind } from './lexicon.ts';
import { type QualifierFit, type Qualifiers, qualifierFit } from './qualifiers.ts';
import type { ServiceIdentity } from './read-service-name.ts';

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

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return Math.max(a.length, b.length) - i - j <= 1;
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
  const moved = itemCore.length < item.hardObject.length || lineCore.length < line.hardObject.length;
  if (Math.min(itemCore.length, lineCore.length) < (moved || itemOnly.length + lineOnly.length > 0 ? 2 : 1)) {
    return false;
  }
  if (!sameSet(itemCore, lineCore)) return false;
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
  return common >= 2 && a.object.length - common <= 2 && b.object.length - common <= 2;
}

/** Whether two objects share anything: a code with a name of another organ is not trusted. */
export function objectsOverlap(a: ServiceIdentity, b: ServiceIdentity): boolean {
  return (
    a.object.length === 0 ||
    b.object.length === 0 ||
    a.object.some((s) => b.object.some((t) => stemsMatch(s, t)))
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
  return partOfObject(item, line) || sharesMost(item, line) ? 'near' : 'different';
}
