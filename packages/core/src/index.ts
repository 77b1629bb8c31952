import './zod-locale.ts';

export * from './auth.schemas.ts';
export * from './errors.ts';
export * from './phone.ts';
export * from './roles.ts';
export * from './users.schemas.ts';
