import type { CaseloadRecords, Measure, Measures, Warning } from '../../../shared/model';
import { evaluate, type PolicyPack } from '../../../shared/rules';
import { UNKNOWN_AUTHOR, type Authorship } from './authors';

export const MEASURE_KEYS = ['seenAlone', 'recordedInTimescale', 'visitsInTimescale'] as const satisfies ReadonlyArray<keyof Measures>;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export interface Span {
  /** Start instant (epoch ms), or null for "from the first record". */
  from: number | null;
  to: number;
}

export interface PractitionerFigures {
  key: string;
  name: string;
  measures: Measures;
}

export interface TeamFigures {
  team: Measures;
  practitioners: PractitionerFigures[];
  /** Visits and notes overdue now, most overdue first, with whose they are. */
  overdue: { warning: Warning; author: string }[];
  /** OBSERVATION_DUE and OBSERVATION_FOLLOW_UP now. */
  observations: Warning[];
}

/**
 * The practice-rules §7 measures over a span, from `evaluate` itself. A measure at asOf counts
 * every note, child seen and visit deadline whose moment (finished, or deadline passed
 * unmet) is at or before asOf, and that count never changes later; so the span's figures are
 * the measures at its end less those just before its start. With no start they are exactly
 * what the compliance command reports for a caseload file with that asOf.
 */
export function measuresOver(records: CaseloadRecords, policy: PolicyPack | string, span: Span): Measures {
  const end = evaluate(records, policy, span.to).measures;
  if (span.from === null) return end;
  const before = evaluate(records, policy, span.from - 1).measures;
  return mapMeasures((key) => ({
    numerator: end[key].numerator - before[key].numerator,
    denominator: end[key].denominator - before[key].denominator,
  }));
}

/**
 * Team and per-practitioner figures. A note and its child seen alone are the visit's author's;
 * a child's visiting deadlines are the author's of the child's record (the worker who holds the
 * case). Each tally in `evaluate` is a sum over contacts or over children, so the practitioners'
 * figures add up to the team's.
 */
export function teamFigures(records: CaseloadRecords, policy: PolicyPack | string, span: Span, authorship: Authorship): TeamFigures {
  const authorOf = (id: string) => authorship.byRecordId.get(id) ?? UNKNOWN_AUTHOR;
  const names = new Map(authorship.names);
  const keys = new Set([...records.children.map((c) => authorOf(c.id)), ...records.contacts.map((c) => authorOf(c.id))]);
  if (keys.has(UNKNOWN_AUTHOR) && !names.has(UNKNOWN_AUTHOR)) names.set(UNKNOWN_AUTHOR, 'Not known on this device');

  const practitioners = [...names]
    .filter(([key]) => keys.has(key))
    .map(([key, name]) => {
      const contacts = records.contacts.filter((c) => authorOf(c.id) === key);
      const children = records.children.filter((c) => authorOf(c.id) === key);
      const fromNotes = measuresOver({ children: [], contacts }, policy, span);
      const fromChildren = measuresOver({ children, contacts: records.contacts }, policy, span);
      const measures: Measures = {
        seenAlone: fromNotes.seenAlone,
        recordedInTimescale: fromNotes.recordedInTimescale,
        visitsInTimescale: fromChildren.visitsInTimescale,
      };
      return { key, name, measures };
    });

  const { warnings } = evaluate(records, policy, span.to);
  const overdue = warnings
    .filter((w) => w.code === 'VISIT_OVERDUE' || w.code === 'RECORDING_OVERDUE')
    .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))
    .map((warning) => {
      const id = warning.code === 'VISIT_OVERDUE' ? warning.childId : warning.contactId;
      return { warning, author: names.get(authorOf(id ?? '')) ?? '' };
    });
  return {
    team: measuresOver(records, policy, span),
    practitioners,
    overdue,
    observations: warnings.filter((w) => w.code === 'OBSERVATION_DUE' || w.code === 'OBSERVATION_FOLLOW_UP'),
  };
}

function mapMeasures(f: (key: MeasureKey) => Measure): Measures {
  return { seenAlone: f('seenAlone'), recordedInTimescale: f('recordedInTimescale'), visitsInTimescale: f('visitsInTimescale') };
}

/** Whole-number percentage, or null when there is nothing to count. */
export function percentage({ numerator, denominator }: Measure): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 100);
}
