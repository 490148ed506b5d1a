/** `doorstep.compliance/1`: the compliance report (compliance-format.md). */
export const COMPLIANCE_FORMAT = 'doorstep.compliance/1';

export const WARNING_CODES = [
  'VISIT_OVERDUE',
  'VISIT_DUE_SOON',
  'RECORDING_OVERDUE',
  'RECORDING_DUE_SOON',
  'SEEN_ALONE_NOT_RECORDED',
  'SEEN_ALONE_REASON_MISSING',
  'SEEN_ALONE_MANAGER_NOT_INFORMED',
  'BEDROOM_NOT_RECORDED',
  'BEDROOM_REASON_MISSING',
  'OBSERVATION_DUE',
  'OBSERVATION_FOLLOW_UP',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** What a deadline asks for (practice-rules §2). */
export type Requirement = 'seen' | 'seen-alone' | 'contact';

/** high: overdue; medium: due soon or something left unrecorded; low: paperwork follow-up. */
export type Severity = 'high' | 'medium' | 'low';

export interface Warning {
  code: WarningCode;
  childId?: string;
  involvementId?: string;
  contactId?: string;
  practitionerId?: string;
  observationId?: string;
  requirement?: Requirement;
  /** Exclusive deadline, UTC ISO with `Z`. */
  due?: string;
  /** Plain English, in practitioners' words. */
  message: string;
  /** The standard it comes from. */
  source: string;
  severity: Severity;
}

export interface Measure {
  numerator: number;
  denominator: number;
}

export interface Measures {
  seenAlone: Measure;
  recordedInTimescale: Measure;
  visitsInTimescale: Measure;
}

export interface ComplianceReport {
  format: typeof COMPLIANCE_FORMAT;
  policy: string;
  asOf: string;
  warnings: Warning[];
  measures: Measures;
}
