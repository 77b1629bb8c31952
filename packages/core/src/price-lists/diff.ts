import type { Kopecks } from '../money.ts';

export interface PriceEntry {
  serviceCode: string;
  clinicCode: string;
  name: string;
  price: Kopecks;
}

export type PriceDiffKind = 'added' | 'removed' | 'changed';

export interface PriceDiffEntry {
  kind: PriceDiffKind;
  serviceCode: string;
  clinicCode: string;
  name: string;
  /** The name in the earlier version when it differs (renamed), else null. */
  oldName: string | null;
  oldPrice: Kopecks | null;
  newPrice: Kopecks | null;
  /** Price change in percent of the old price, one decimal; null unless the price changed. */
  percent: number | null;
  renamed: boolean;
  priceChanged: boolean;
}

export interface PriceDiff {
  added: number;
  removed: number;
  priceChanged: number;
  renamed: number;
  unchanged: number;
  entries: PriceDiffEntry[];
}

const sameName = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** (new − old) / old in percent, rounded half away from zero to one decimal. */
export function pricePercent(oldPrice: Kopecks, newPrice: Kopecks): number {
  const tenths = ((newPrice - oldPrice) * 1000) / oldPrice;
  return (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10;
}

/**
 * What a version changes against the one before it, by 804н code (the identity of a service): services
 * added, removed, re-priced (old → new, %) and renamed. A service can be both re-priced and renamed.
 */
export function diffPriceLists(previous: readonly PriceEntry[], next: readonly PriceEntry[]): PriceDiff {
  const before = new Map(previous.map((e) => [e.serviceCode, e]));
  const after = new Set(next.map((e) => e.serviceCode));
  const entries: PriceDiffEntry[] = [];
  let unchanged = 0;
  for (const e of next) {
    const old = before.get(e.serviceCode);
    if (!old) {
      entries.push({
        kind: 'added',
        serviceCode: e.serviceCode,
        clinicCode: e.clinicCode,
        name: e.name,
        oldName: null,
        oldPrice: null,
        newPrice: e.price,
        percent: null,
        renamed: false,
        priceChanged: false,
      });
      continue;
    }
    const renamed = !sameName(old.name, e.name);
    const priceChanged = old.price !== e.price;
    if (!renamed && !priceChanged) {
      unchanged++;
      continue;
    }
    entries.push({
      kind: 'changed',
      serviceCode: e.serviceCode,
      clinicCode: e.clinicCode,
      name: e.name,
      oldName: renamed ? old.name : null,
      oldPrice: old.price,
      newPrice: e.price,
      percent: priceChanged ? pricePercent(old.price, e.price) : null,
      renamed,
      priceChanged,
    });
  }
  for (const old of previous) {
    if (after.has(old.serviceCode)) continue;
    entries.push({
      kind: 'removed',
      serviceCode: old.serviceCode,
      clinicCode: old.clinicCode,
      name: old.name,
      oldName: null,
      oldPrice: old.price,
      newPrice: null,
      percent: null,
      renamed: false,
      priceChanged: false,
    });
  }
  entries.sort((a, b) => (a.serviceCode < b.serviceCode ? -1 : a.serviceCode > b.serviceCode ? 1 : 0));
  return {
    added: entries.filter((e) => e.kind === 'added').length,
    removed: entries.filter((e) => e.kind === 'removed').length,
    priceChanged: entries.filter((e) => e.priceChanged).length,
    renamed: entries.filter((e) => e.renamed).length,
    unchanged,
    entries,
  };
}
