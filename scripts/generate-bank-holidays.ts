/**
 * Generates src/shared/rules/calendar/bank-holidays-england-wales.ts from the maintained
 * `date-holidays` library (country GB, region ENG; England and Wales share one list), so the
 * browser bundle carries ~330 dates instead of every country's rules, and nobody hand-types them.
 *
 *   npx tsx scripts/generate-bank-holidays.ts            # rewrite the data file
 *   npx tsx scripts/generate-bank-holidays.ts --check    # exit 1 if the file is stale
 *
 * A test (calendar/bank-holidays.test.ts) regenerates the list and compares it with the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Holidays from 'date-holidays';

export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2045;

/**
 * Corrections where date-holidays 3.x disagrees with the proclaimed holidays
 * (source: https://www.gov.uk/bank-holidays and the Royal Proclamations in The Gazette).
 * None fall inside the contract's 2015–2040; they only widen the safety margin.
 */
const OVERRIDES: ReadonlyArray<{ date: string; holiday: boolean; why: string }> = [
  { date: '2011-04-29', holiday: true, why: 'Royal Wedding bank holiday (proclaimed 2010)' },
  { date: '2012-05-28', holiday: false, why: 'Spring bank holiday moved to 4 June 2012' },
  { date: '2012-06-04', holiday: true, why: 'Spring bank holiday, moved for the Diamond Jubilee' },
];

export function englandAndWalesBankHolidays(): string[] {
  const hd = new Holidays('GB', 'ENG');
  const dates = new Set<string>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const h of hd.getHolidays(year)) {
      // 'public' are the bank holidays (incl. substitute and one-off days); 'observance' are
      // days like Mother's Day, which are working days.
      if (h.type === 'public' || h.type === 'bank') dates.add(h.date.slice(0, 10));
    }
  }
  for (const o of OVERRIDES) {
    if (o.holiday) dates.add(o.date);
    else dates.delete(o.date);
  }
  return [...dates].sort();
}

export function dateHolidaysVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('date-holidays/package.json') as { version: string }).version;
}

export function renderDataFile(dates: readonly string[], version: string): string {
  const lines = [
    '// GENERATED FILE: do not edit by hand.',
    `// Source: date-holidays ${version} (npm), Holidays('GB', 'ENG'), holidays of type 'public',`,
    `// years ${FIRST_YEAR}–${LAST_YEAR}, with the overrides listed in scripts/generate-bank-holidays.ts.`,
    '// Regenerate: npx tsx scripts/generate-bank-holidays.ts',
    '// Bank holidays in England and Wales, including substitute days and one-off holidays.',
    `export const BANK_HOLIDAYS_FIRST_YEAR = ${FIRST_YEAR};`,
    `export const BANK_HOLIDAYS_LAST_YEAR = ${LAST_YEAR};`,
    '',
    'export const BANK_HOLIDAYS_ENGLAND_AND_WALES: readonly string[] = [',
  ];
  let row: string[] = [];
  let year = '';
  for (const d of dates) {
    if (d.slice(0, 4) !== year && row.length > 0) {
      lines.push(`  ${row.join(' ')}`);
      row = [];
    }
    year = d.slice(0, 4);
    row.push(`'${d}',`);
  }
  if (row.length > 0) lines.push(`  ${row.join(' ')}`);
  lines.push('];', '');
  return lines.join('\n');
}

export const DATA_FILE = fileURLToPath(
  new URL('../src/shared/rules/calendar/bank-holidays-england-wales.ts', import.meta.url),
);

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const text = renderDataFile(englandAndWalesBankHolidays(), dateHolidaysVersion());
  if (process.argv.includes('--check')) {
    const current = readFileSync(DATA_FILE, 'utf8');
    if (current !== text) {
      console.error('bank-holidays-england-wales.ts is stale: run npx tsx scripts/generate-bank-holidays.ts');
      process.exit(1);
    }
  } else {
    writeFileSync(DATA_FILE, text);
    console.log(`wrote ${DATA_FILE}`);
  }
}
