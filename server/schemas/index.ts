// The API contract, shared by the server and the SPA (the SPA imports types only).
export * from './common.js';
export * from './catalogue.js';
export * from './observation.js';
export * from './series.js';
export * from './overview.js';
export * from './health.js';
export * from './source.js';
export * from './assessment.js';
export * from './warnings.js';
export * from './account.js';
export * from './digest.js';
export * from './import.js';
export * from './export.js';
export * from './annotation.js';
export * from './warning-acknowledgement.js';
export * from './demo-accounts.js';
export * from './briefing.js';
