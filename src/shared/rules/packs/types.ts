/**
 * A policy pack: one local authority's practice standards, as data (practice-rules §3–§7).
 * The engine reads these shapes and nothing else knows about a local authority.
 */
import type { InvolvementType } from '../../model/involvement.ts';
import type { Requirement } from '../../model/compliance-report.ts';

/** Durations are written as in the standards: "5 working days", "48 hours", "same day"… */
export type DurationText = string;

/** Where a phase ends (§5 "Phases, exactly"). A missing optional date means "never". */
export type PhaseEnd =
  /** resolve(start, plus) */
  | { from: 'start'; plus: DurationText }
  /** firstReviewAt itself, or resolve(firstReviewAt, plus) */
  | { from: 'firstReviewAt'; plus?: DurationText }
  /** "once reductionAgreedAt ≤ t": the phase ends at that instant */
  | { from: 'reductionAgreedAt' }
  /** 00:00 Europe/London on the child's Nth birthday */
  | { from: 'birthday'; age: number };

export interface Phase {
  /** Absent on the last phase, which never ends. */
  until?: PhaseEnd;
  /** The repeat interval for a contact in this phase; null = no deadlines fall in this phase. */
  every: DurationText | null;
  /** The requirement of deadlines that fall in this phase, when it differs from the chain's. */
  requirement?: Requirement;
}

export interface ChainRule {
  /** `contact` (keeping in touch / first contact) or `visits`. */
  chain: 'contact' | 'visits';
  /** Practitioners' name for the deadline, as the start of a sentence: "Child protection visit". */
  label: string;
  requirement: Requirement;
  first: DurationText;
  /**
   * A fixed second deadline from start (short breaks: "then within 3 months of the first
   * placement day"); after it the phases apply.
   */
  secondFromStart?: DurationText;
  /** Repeat intervals by phase of t, in order; absent = a single deadline. */
  phases?: Phase[];
  /** The standard, e.g. "Redcar & Cleveland practice standards: child protection, every 10 working days". */
  source: string;
  /** Other timings when an involvement flag is set (Middlesbrough: stable complex needs). */
  whenStableComplexNeeds?: { first: DurationText; phases: Phase[]; source: string };
}

export type RecordingCondition = 'criticalWorries' | 'significantEvent' | 'residential' | 'always';

export interface RecordingRule {
  when: RecordingCondition;
  within: DurationText;
  source: string;
}

export interface PolicyPack {
  id: string;
  /** "Redcar & Cleveland" */
  name: string;
  /** First matching rule applies (§4). */
  recording: RecordingRule[];
  seenAlone: {
    source: string;
    /** SEEN_ALONE_MANAGER_NOT_INFORMED applies (Middlesbrough). */
    managerMustBeInformed?: { source: string };
    /** BEDROOM_* apply on home visits (Redcar & Cleveland). */
    bedroomOnHomeVisits?: { source: string };
  };
  /** Involvement types without an entry have no visiting rule in this pack. */
  visiting: Partial<Record<InvolvementType, ChainRule[]>>;
  observations: {
    /** At least once every… (both packs: 12 months). */
    every: DurationText;
    dueSource: string;
    followUpSource: string;
  };
}
