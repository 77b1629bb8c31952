export * from './compare-services.ts';
export type { ServiceKind } from './lexicon.ts';
export * from './qualifiers.ts';
export * from './read-service-name.ts';
export * from './search-query.ts';
export { stem } from './stem.ts';
