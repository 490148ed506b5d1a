import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCompliance } from './compliance-command.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/${name}`, import.meta.url));
const read = (path: string) => readFileSync(path, 'utf8');

/** Spawn the real command the way a performance team would run it. */
async function compliance(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'compliance', '--', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the compliance command on the example caseloads', () => {
  const examples = readdirSync(fileURLToPath(new URL('../../test/fixtures/', import.meta.url))).filter(
    (f) => f.endsWith('.json') && !f.endsWith('.report.json'),
  );

  it('has example caseloads for both local authorities', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['compliance-format-example.json', 'redcar-cleveland-team.json', 'middlesbrough-team.json']),
    );
  });

  for (const file of examples) {
    it(`${file} gives its expected report`, () => {
      const result = runCompliance([fixture(file)], read);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(read(fixture(file.replace(/\.json$/, '.report.json')))));
    });
  }

  it('--csv gives one row per warning for performance teams', () => {
    const result = runCompliance(['--csv', fixture('redcar-cleveland-team.json')], read);
    expect(result.stdout).toBe(read(fixture('redcar-cleveland-team.report.csv')));
    const report = JSON.parse(read(fixture('redcar-cleveland-team.report.json')));
    expect(result.stdout.trimEnd().split('\r\n')).toHaveLength(1 + report.warnings.length);
  });

  it('quotes CSV fields holding commas and quotes (RFC 4180)', () => {
    const caseload = JSON.parse(read(fixture('compliance-format-example.json')));
    caseload.children[0].name = 'Sam "Sammy" Okafor, Jr';
    const result = runCompliance(['--csv', 'x.json'], () => JSON.stringify(caseload));
    expect(result.stdout).toContain(',"Child protection visit overdue: Sam ""Sammy"" Okafor, Jr was due to be seen by Tue 20 Jan",');
  });
});

describe('the compliance command refuses bad input with one line and exit 2', () => {
  it('a missing file', () => {
    expect(runCompliance(['nowhere.json'], read)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'compliance: cannot read file nowhere.json: no such file\n',
    });
  });

  it('a file that is not JSON', () => {
    const result = runCompliance([fixture('invalid/not-json.json')], read);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^compliance: .*not-json\.json is not JSON: [^\n]+\n$/);
  });

  it('a schema error names the bad field', () => {
    expect(runCompliance([fixture('invalid/bad-involvement-start.json')], read).stderr).toBe(
      'compliance: children[0].involvements[1].start: Invalid ISO datetime\n',
    );
  });

  it('an unknown policy pack', () => {
    expect(runCompliance([fixture('invalid/unknown-policy.json')], read).stderr).toBe(
      'compliance: policy: unknown policy "atlantis" (known: middlesbrough, redcar-cleveland)\n',
    );
  });

  it('no file, or an option it does not know', () => {
    expect(runCompliance([], read)).toMatchObject({ code: 2, stderr: expect.stringMatching(/^compliance: usage: /) });
    expect(runCompliance(['--xml', 'a.json'], read)).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown option --xml/) });
  });
});

describe('npm run --silent compliance (spawned)', () => {
  it('prints nothing but the report on stdout', async () => {
    const { code, stdout, stderr } = await compliance(fixture('compliance-format-example.json'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(read(fixture('compliance-format-example.report.json')));
  });

  it('exits 2 with one line on stderr for a schema error', async () => {
    const { code, stdout, stderr } = await compliance(fixture('invalid/bad-involvement-start.json'));
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.split('\n').filter((l) => l.startsWith('compliance:'))).toEqual([
      'compliance: children[0].involvements[1].start: Invalid ISO datetime',
    ]);
  });
});
