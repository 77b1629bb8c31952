import './zod-locale.ts';

export * from './auth.schemas.ts';
export * from './errors.ts';
export * from './identifiers/index.ts';
export * from './insurance/coverage.ts';
export * from './insurance/insured-row.ts';
export * from './insurance.schemas.ts';
export * from './phone.ts';
export * from './roles.ts';
export * from './users.schemas.ts';
