/** Measures for manager dashboards (practice-rules §7): numerator over denominator. */
import type { Measure } from '../model/compliance-report.ts';
import type { ChainResult } from './chains.ts';

/** A contact's instants, read once per evaluation. */
export interface ContactTimes {
  occurredAt: number;
  completedAt: number | null;
}

export class Tally {
  numerator = 0;
  denominator = 0;
  count(inTime: boolean): void {
    this.denominator++;
    if (inTime) this.numerator++;
  }
  toMeasure(): Measure {
    return { numerator: this.numerator, denominator: this.denominator };
  }
}

/**
 * visitsInTimescale: chain deadlines that are ≤ asOf or were met by asOf; met in time counts.
 * For an ended involvement `end` stands in for asOf, which the chain's horizon already is.
 */
export function countVisitDeadlines(result: ChainResult, tally: Tally): void {
  for (const d of result.met) tally.count(d.metAt !== undefined && d.metAt < d.due);
  if (result.current && result.current.due <= result.horizon) tally.count(false);
}
