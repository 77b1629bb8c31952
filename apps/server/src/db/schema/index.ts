export * from './claims.ts';
export * from './console.ts';
export * from './insurance.ts';
export * from './organisations.ts';
export * from './outbox.ts';
export * from './price-lists.ts';
export * from './users.ts';
