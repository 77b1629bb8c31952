export * from './chat.ts';
export * from './claims.ts';
export * from './console.ts';
export * from './insurance.ts';
export * from './notifications.ts';
export * from './organisations.ts';
export * from './outbox.ts';
export * from './users.ts';
