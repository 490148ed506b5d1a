/**
 * The `compliance` command, as a function of its arguments and a file reader so it can be
 * tested without a process: caseload file in, `doorstep.compliance/1` report (or CSV) out.
 */
import { parseCaseload } from '../shared/model/caseload.ts';
import { complianceCsv, complianceReport } from '../shared/rules/report.ts';
import { findPolicyPack, policyPackIds } from '../shared/rules/packs/index.ts';

export const USAGE = 'usage: npm run --silent compliance -- [--csv] <caseload.json>';

export interface CommandResult {
  code: 0 | 2;
  stdout: string;
  /** One line, or empty. */
  stderr: string;
}

/** Reads a file as UTF-8, throwing a Node-style error with a `code` when it cannot. */
export type ReadFile = (path: string) => string;

const fail = (message: string): CommandResult => ({
  code: 2,
  stdout: '',
  stderr: `compliance: ${message.replace(/\s*\n\s*/g, ' ')}\n`,
});

function readError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export function runCompliance(args: readonly string[], readFile: ReadFile): CommandResult {
  const csv = args.includes('--csv');
  const unknownOption = args.find((a) => a.startsWith('-') && a !== '--csv');
  if (unknownOption) return fail(`unknown option ${unknownOption}; ${USAGE}`);
  const files = args.filter((a) => !a.startsWith('-'));
  const file = files[0];
  if (file === undefined || files.length > 1) return fail(USAGE);

  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    return fail(`cannot read file ${file}: ${readError(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseCaseload(json);
  if (!parsed.ok) return fail(`${parsed.error.path || '(top level)'}: ${parsed.error.message}`);
  const pack = findPolicyPack(parsed.value.policy);
  if (!pack) return fail(`policy: unknown policy "${parsed.value.policy}" (known: ${policyPackIds().join(', ')})`);

  let report;
  try {
    report = complianceReport(parsed.value, pack);
  } catch (error) {
    // e.g. a working-day deadline outside the years the bank holiday data covers
    if (error instanceof RangeError) return fail(`cannot evaluate ${file}: ${error.message}`);
    throw error;
  }
  return { code: 0, stdout: csv ? complianceCsv(report) : `${JSON.stringify(report, null, 2)}\n`, stderr: '' };
}
