/**
 * Visiting timescales: the phase walk of practice-rules §5.
 *
 * A chain has a first deadline from `start`; each qualifying contact at t then sets the next
 * deadline = t + the interval of the phase t falls in (or of the following phase, if that would
 * pass the end of t's phase). Deadlines are exclusive instants (§1).
 */
import type { Requirement } from '../model/compliance-report.ts';
import { dayFromCivil, dayFromIsoDate, civilFromDay, startOfLocalDay } from './calendar/local-date.ts';
import { parseDuration, resolve, type Duration } from './durations.ts';
import type { ChainRule, Phase, PhaseEnd } from './packs/types.ts';

/** One child's part in one contact, reduced to what the chains need. */
export interface ChildContact {
  at: number;
  contactId: string;
  inPerson: boolean;
  seen: boolean;
  seenAlone: boolean;
}

/** An involvement with its instants already read. */
export interface InvolvementTimes {
  start: number;
  end: number | null;
  reductionAgreedAt: number | null;
  firstReviewAt: number | null;
  stableComplexNeeds: boolean;
  agreedInterval: Duration | null;
  dateOfBirth: string;
}

export interface Deadline {
  due: number;
  requirement: Requirement;
  /** The contact that met it (in time if metAt < due, late otherwise). */
  metAt?: number;
  contactId?: string;
}

export interface ChainResult {
  /** Deadlines met by a qualifying contact, in order. */
  met: Deadline[];
  /** The deadline open at the horizon, or null when the chain has no further step. */
  current: Deadline | null;
  /** An ended involvement (end ≤ asOf) gives no warnings; its walk stops at `end`. */
  ended: boolean;
  /** asOf, or `end` for an ended involvement (§7 reads end for asOf). */
  horizon: number;
}

// §2: what qualifies a contact for a requirement.
export function qualifies(c: ChildContact, requirement: Requirement): boolean {
  if (requirement === 'contact') return true;
  if (!c.inPerson || !c.seen) return false;
  return requirement === 'seen' || c.seenAlone;
}

/** 00:00 local on the Nth birthday. 29 February birthdays fall on 1 March in common years. */
export function birthdayStart(dateOfBirth: string, age: number): number {
  const { year, month, day } = civilFromDay(dayFromIsoDate(dateOfBirth));
  const y = year + age;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const birthday = month === 2 && day === 29 && !leap ? dayFromCivil(y, 3, 1) : dayFromCivil(y, month, day);
  return startOfLocalDay(birthday);
}

function phaseEndInstant(end: PhaseEnd | undefined, inv: InvolvementTimes): number {
  if (!end) return Infinity;
  switch (end.from) {
    case 'start':
      return resolve(inv.start, end.plus);
    case 'firstReviewAt':
      // "t < firstReviewAt (or always, if unknown)"
      if (inv.firstReviewAt === null) return Infinity;
      return end.plus ? resolve(inv.firstReviewAt, end.plus) : inv.firstReviewAt;
    case 'reductionAgreedAt':
      return inv.reductionAgreedAt ?? Infinity;
    case 'birthday':
      return birthdayStart(inv.dateOfBirth, end.age);
  }
}

interface ResolvedPhase {
  end: number;
  every: Duration | null;
  requirement: Requirement;
}

function resolvePhases(phases: Phase[], rule: ChainRule, inv: InvolvementTimes): ResolvedPhase[] {
  return phases.map((p) => ({
    end: phaseEndInstant(p.until, inv),
    every: p.every === null ? null : parseDuration(p.every),
    requirement: p.requirement ?? rule.requirement,
  }));
}

/**
 * The phase an instant is in: the first whose end is after it. Ends need not be increasing: a
 * "once reductionAgreedAt ≤ t" phase whose date is earlier than the phase before it is simply
 * empty, so t moves straight on to the reduced phase.
 */
function phaseAt(phases: ResolvedPhase[], x: number): ResolvedPhase | undefined {
  for (const p of phases) if (x < p.end) return p;
  return phases[phases.length - 1];
}

export function walkChain(
  baseRule: ChainRule,
  inv: InvolvementTimes,
  contacts: readonly ChildContact[],
  asOf: number,
): ChainResult {
  // 003 L1911–1914 (Middlesbrough): stable complex needs change the first and repeat intervals.
  const variant = inv.stableComplexNeeds ? baseRule.whenStableComplexNeeds : undefined;
  const rule: ChainRule = variant ? { ...baseRule, ...variant } : baseRule;
  const phases = rule.phases ? resolvePhases(rule.phases, rule, inv) : null;
  const ended = inv.end !== null && inv.end <= asOf;
  const horizon = ended && inv.end !== null ? inv.end : asOf;

  // "A deadline falls in the phase that contains the instant just before its due"; none is set
  // in a phase without an interval (care leavers from their 25th birthday).
  const deadlineAt = (due: number): Deadline | null => {
    if (!phases) return { due, requirement: rule.requirement };
    const p = phaseAt(phases, due - 1);
    if (!p || p.every === null) return null;
    return { due, requirement: p.requirement };
  };

  const repeatFrom = (t: number): number | null => {
    if (!phases) return null;
    const p = phaseAt(phases, t);
    if (!p || p.every === null) return null;
    let due = resolve(t, p.every);
    if (due > p.end) {
      const following = phaseAt(phases, p.end);
      if (!following || following.every === null) return null;
      due = resolve(t, following.every);
    }
    return due;
  };

  const nextAfter = (t: number, step: number): Deadline | null => {
    let due: number | null;
    if (step === 1 && rule.secondFromStart) {
      // Short breaks: the second deadline is fixed from start; a first visit already past it
      // carries on with the repeat interval from that visit.
      const fixed = resolve(inv.start, rule.secondFromStart);
      due = fixed > t ? fixed : repeatFrom(t);
    } else {
      due = repeatFrom(t);
    }
    if (due === null) return null;
    // A manager may tighten the interval for one child, never loosen it (§5).
    if (inv.agreedInterval) {
      const agreed = resolve(t, inv.agreedInterval);
      if (agreed < due) due = agreed;
    }
    return deadlineAt(due);
  };

  const met: Deadline[] = [];
  let current = deadlineAt(resolve(inv.start, rule.first));
  let step = 1;
  for (const c of contacts) {
    if (current === null || c.at > horizon) break;
    if (c.at < inv.start || !qualifies(c, current.requirement)) continue;
    met.push({ ...current, metAt: c.at, contactId: c.contactId });
    current = nextAfter(c.at, step);
    step++;
  }
  return { met, current, ended, horizon };
}
