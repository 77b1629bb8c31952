export * from './amounts.ts';
export * from './checks.ts';
export * from './engine.ts';
export * from './explain.ts';
export * from './letter.ts';
export * from './match.ts';
export * from './types.ts';
