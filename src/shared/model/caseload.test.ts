import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCaseload, writeCaseload } from './caseload.ts';
import { instant } from './common.ts';

const example = () =>
  JSON.parse(readFileSync(new URL('../../../test/fixtures/compliance-format-example.json', import.meta.url), 'utf8'));

describe('doorstep.caseload/1', () => {
  it('reads the example in compliance-format.md', () => {
    const parsed = parseCaseload(example());
    expect(parsed.ok).toBe(true);
  });

  it('writes what it reads, and reads what it writes', () => {
    const parsed = parseCaseload(example());
    if (!parsed.ok) throw new Error(parsed.error.message);
    const written = JSON.parse(JSON.stringify(writeCaseload(parsed.value)));
    expect(written).toEqual(example());
    expect(parseCaseload(written)).toEqual(parsed);
  });

  it('ignores fields it does not know', () => {
    const input = example();
    input.exportedBy = 'another case system';
    input.children[0].favouriteColour = 'green';
    const parsed = parseCaseload(input);
    expect(parsed.ok && 'exportedBy' in parsed.value).toBe(false);
    expect(parsed.ok && 'favouriteColour' in (parsed.value.children[0] ?? {})).toBe(false);
  });

  it('names the path of a bad field', () => {
    const input = example();
    input.children[0].involvements.push({ id: 'i2', type: 'child-in-need', start: 'last Tuesday' });
    expect(parseCaseload(input)).toEqual({
      ok: false,
      error: { path: 'children[0].involvements[1].start', message: 'Invalid ISO datetime' },
    });
  });

  it('names a missing field', () => {
    const input = example();
    delete input.contacts[0].occurredAt;
    const parsed = parseCaseload(input);
    expect(!parsed.ok && parsed.error.path).toBe('contacts[0].occurredAt');
  });

  it('refuses an unknown involvement type, contact mode or format', () => {
    const badType = example();
    badType.children[0].involvements[0].type = 'child-in-space';
    expect(!parseCaseload(badType).ok && (parseCaseload(badType) as { error: { path: string } }).error.path).toBe(
      'children[0].involvements[0].type',
    );
    const badFormat = example();
    badFormat.format = 'doorstep.caseload/2';
    const parsed = parseCaseload(badFormat);
    expect(!parsed.ok && parsed.error.path).toBe('format');
  });

  it('accepts null or absent for "not answered", and an agreed interval it can read', () => {
    const input = example();
    input.contacts[0].children[0].seenAlone = null;
    delete input.contacts[0].children[0].bedroomSeen;
    input.children[0].involvements[0].agreedInterval = { every: '5 working days' };
    expect(parseCaseload(input).ok).toBe(true);
    input.children[0].involvements[0].agreedInterval = { every: 'fortnightly' };
    const parsed = parseCaseload(input);
    expect(!parsed.ok && parsed.error.path).toBe('children[0].involvements[0].agreedInterval.every');
  });

  it('refuses a date of birth that is not a real date', () => {
    const input = example();
    input.children[0].dateOfBirth = '2014-02-30';
    const parsed = parseCaseload(input);
    expect(!parsed.ok && parsed.error).toEqual({ path: 'children[0].dateOfBirth', message: 'Invalid ISO date' });
  });
});

describe('instants in any ISO 8601 form with an offset', () => {
  it.each([
    ['2026-04-09T09:00Z', '2026-04-09T09:00:00Z'],
    ['2026-04-09T10:00:00+01', '2026-04-09T10:00:00+01:00'],
    ['2026-04-09T10:00:00+0100', '2026-04-09T10:00:00+01:00'],
    ['2026-04-09T10:00+01:00', '2026-04-09T10:00:00+01:00'],
    ['2024-02-29T23:59:59.5Z', '2024-02-29T23:59:59.5Z'],
    ['2000-02-29T09:00:00-05:30', '2000-02-29T09:00:00-05:30'],
    ['2026-04-09T09:00:00.250Z', '2026-04-09T09:00:00.250Z'],
  ])('reads %s as %s', (written, read) => {
    expect(instant.parse(written)).toBe(read);
  });

  it.each(['2026-04-09T09:00:00', '2026-04-09', '2026-02-30T09:00:00Z', '2026-04-09T09:00:00+1', '2026-04-09T24:00:00Z', '2026-04-09T09:60:00Z', '2026-04-09T09:00:60Z', '2026-04-09T09:00:00+24:00', '2026-04-09T09:00:00+01:60', '2026-13-01T09:00:00Z', '2025-02-29T09:00:00Z'])('rejects %s', (written) => {
    expect(instant.safeParse(written).success).toBe(false);
  });
});
