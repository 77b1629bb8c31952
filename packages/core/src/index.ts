import './zod-locale.ts';

export * from './adjudication/index.ts';
export * from './auth.schemas.ts';
export * from './consents.ts';
export * from './console.schemas.ts';
export * from './errors.ts';
export * from './identifiers/index.ts';
export * from './insurance/coverage.ts';
export * from './insurance/insured-row.ts';
export * from './insurance.schemas.ts';
export * from './money.ts';
export * from './onboarding.schemas.ts';
export * from './phone.ts';
export * from './receipts/fiscal-receipt.ts';
export * from './receipts/qr.ts';
export * from './roles.ts';
export * from './time.ts';
export * from './users.schemas.ts';
