export * from './organisations.ts';
export * from './outbox.ts';
export * from './users.ts';
