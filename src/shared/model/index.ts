export * from './common.ts';
export * from './child.ts';
export * from './involvement.ts';
export * from './contact.ts';
export * from './practitioner.ts';
export * from './observation.ts';
export * from './caseload.ts';
export * from './compliance-report.ts';
