/** The `doorstep.compliance/1` report for a `doorstep.caseload/1` file (compliance-format.md). */
import type { Caseload } from '../model/caseload.ts';
import { COMPLIANCE_FORMAT, type ComplianceReport, type Warning } from '../model/compliance-report.ts';
import { instantFromIso, isoFromInstant } from './calendar/local-date.ts';
import { evaluate } from './evaluate.ts';
import type { PolicyPack } from './packs/types.ts';

export function complianceReport(caseload: Caseload, pack: PolicyPack): ComplianceReport {
  const asOf = instantFromIso(caseload.asOf);
  const { warnings, measures } = evaluate(caseload, pack, asOf);
  return { format: COMPLIANCE_FORMAT, policy: pack.id, asOf: isoFromInstant(asOf), warnings, measures };
}

export const CSV_COLUMNS = [
  'code',
  'childId',
  'involvementId',
  'contactId',
  'practitionerId',
  'observationId',
  'requirement',
  'due',
  'message',
  'source',
] as const satisfies ReadonlyArray<keyof Warning>;

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes. */
function csvField(value: string | undefined): string {
  const v = value ?? '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows as RFC 4180 CSV text: fields quoted where needed, CRLF line ends, a final CRLF. */
export function csvText(rows: readonly (readonly (string | undefined)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/** One row per warning, for performance teams. */
export function complianceCsv(report: ComplianceReport): string {
  return csvText([CSV_COLUMNS, ...report.warnings.map((w) => CSV_COLUMNS.map((c) => w[c]))]);
}
