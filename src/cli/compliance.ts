/**
 * npm run --silent compliance -- [--csv] path/to/caseload.json
 *
 * Prints the `doorstep.compliance/1` report (or one CSV row per warning) on stdout; exit 2 with
 * one line on stderr for a missing file, non-JSON or a schema error (compliance-format.md).
 */
import { readFileSync } from 'node:fs';
import { runCompliance } from './compliance-command.ts';

const result = runCompliance(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
