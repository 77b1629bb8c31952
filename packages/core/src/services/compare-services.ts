import type { ServiceKind } from './lexicon.ts';
import { type QualifierFit, qualifierFit } from './qualifiers.ts';
import type { ServiceIdentity } from './read-service-name.ts';

/**
 * How two names relate: the same service; `near` — the same family but another variant, or one name
 * says more than the other (never paid without a person); or different services.
 */
export type ServiceFit = 'same' | 'near' | 'different';

// Kinds whose object names the service by itself: «Терапевт перв.» is a visit, «Глюкоза» an analysis.
// An organ alone does not tell an ultrasound from an MRI, so imaging kinds must be stated.
const SELF_NAMING: ReadonlySet<ServiceKind> = new Set(['visit', 'lab']);

export function kindsFit(a: ServiceKind | null, b: ServiceKind | null): boolean {
  if (a === b) return true;
  if (a === null) return b !== null && SELF_NAMING.has(b);
  return b === null && SELF_NAMING.has(a);
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((s, k) => s === b[k]);
const within = (a: readonly string[], b: readonly string[]) => a.every((s) => b.includes(s));

/**
 * The same object, allowing one side to add in parentheses what the other leaves out («органов брюшной
 * полости (комплексное)»), but only when what both say outside parentheses agrees and the other side
 * has no parentheses of its own to disagree with.
 */
export function sameObject(a: ServiceIdentity, b: ServiceIdentity): boolean {
  if (sameSet(a.object, b.object)) return true;
  if (a.hardObject.length === 0 || !sameSet(a.hardObject, b.hardObject)) return false;
  return sameSet(a.object, a.hardObject) || sameSet(b.object, b.hardObject);
}

/** Whether two objects share anything: a code with a name of another organ is not trusted. */
export function objectsOverlap(a: ServiceIdentity, b: ServiceIdentity): boolean {
  return a.object.length === 0 || b.object.length === 0 || a.object.some((s) => b.object.includes(s));
}

/** One object is part of the other: «Рентгенография грудной клетки» and «… в двух проекциях». */
export function partOfObject(a: ServiceIdentity, b: ServiceIdentity): boolean {
  if (a.object.length === 0 || b.object.length === 0) return false;
  return within(a.object, b.object) || within(b.object, a.object);
}

/** How an item (a till's name) fits a line (the letter's or price list's name); see `ServiceFit`. */
export function compareServices(item: ServiceIdentity, line: ServiceIdentity): ServiceFit {
  if (item.generic || line.generic || !kindsFit(item.kind, line.kind)) return 'different';
  const q: QualifierFit = qualifierFit(item.qualifiers, line.qualifiers);
  if (sameObject(item, line)) return q === 'agree' ? 'same' : 'near';
  return partOfObject(item, line) ? 'near' : 'different';
}
