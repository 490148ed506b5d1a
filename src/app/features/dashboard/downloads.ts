import { CASELOAD_FORMAT, writeCaseload, type Caseload, type CaseloadRecords } from '../../../shared/model';
import { complianceCsv, complianceReport, csvText, isoFromInstant, resolvePolicy } from '../../../shared/rules';
import { MEASURE_KEYS, percentage, type PractitionerFigures } from './team-figures';
import type { Measures } from '../../../shared/model';

/** The device's records as a `doorstep.caseload/1` file, through the shared writer. */
export function caseloadFile(records: CaseloadRecords, policy: string, asOf: number): Caseload {
  return writeCaseload({
    format: CASELOAD_FORMAT,
    policy,
    asOf: isoFromInstant(asOf),
    children: records.children,
    contacts: records.contacts,
    practitioners: records.practitioners ?? [],
    observations: records.observations ?? [],
  });
}

/** What `compliance --csv` prints for that same file: one row per warning. */
export function complianceCsvOf(file: Caseload): string {
  return complianceCsv(complianceReport(file, resolvePolicy(file.policy)));
}

export const MEASURE_NAMES: Record<(typeof MEASURE_KEYS)[number], string> = {
  seenAlone: 'Children seen alone',
  recordedInTimescale: 'Notes recorded in timescale',
  visitsInTimescale: 'Visits in timescale',
};

/** The dashboard's figures: one row per practitioner (team first) and measure. */
export function figuresCsv(team: Measures, practitioners: readonly PractitionerFigures[], from: string | null, to: string): string {
  const rows = [['from', 'to', 'practitioner', 'measure', 'numerator', 'denominator', 'percentage']];
  for (const { name, measures } of [{ name: 'Team', measures: team }, ...practitioners]) {
    for (const key of MEASURE_KEYS) {
      const m = measures[key];
      rows.push([from ?? '', to, name, key, String(m.numerator), String(m.denominator), String(percentage(m) ?? '')]);
    }
  }
  return csvText(rows);
}

/** Saves a file the browser's way: a link to a Blob, clicked. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: some browsers read the URL asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
