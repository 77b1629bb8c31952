export * from './accounts.ts';
export * from './bik.ts';
export * from './inn.ts';
export * from './kpp.ts';
export * from './ogrn.ts';
export * from './phone.ts';
export type { IdentifierResult } from './result.ts';
export * from './snils.ts';
