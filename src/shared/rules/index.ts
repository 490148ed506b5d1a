export { evaluate, resolvePolicy, type Evaluation } from './evaluate.ts';
export { complianceReport, complianceCsv, csvText, CSV_COLUMNS } from './report.ts';
export { findPolicyPack, policyPackIds, POLICY_PACKS } from './packs/index.ts';
export type { ChainRule, Phase, PhaseEnd, PolicyPack, RecordingRule } from './packs/index.ts';
export { parseDuration, tryParseDuration, resolve, describeDuration, type Duration } from './durations.ts';
export { dueSoonWindowEnd, dueStatus } from './due-status.ts';
export * from './calendar/index.ts';
