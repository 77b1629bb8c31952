export * from './columns.ts';
export * from './diff.ts';
export * from './price.ts';
export * from './service-classes.ts';
export * from './validate.ts';
