import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  answer,
  axeViolations,
  continueTo,
  DEMO,
  eventually,
  group,
  launchChromium,
  newDevice,
  syncNow,
  unlock,
  waitForEmptyOutbox,
  type DemoAccount,
} from './browser';

const baseURL = inject('baseURL');
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** A new device for this test file (closed when its test ends). */
async function device(account: DemoAccount, path = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newDevice(browser, baseURL, account, path);
  contexts.push(opened.context);
  return opened;
}

/** The manager opens a record from the sign-off queue and signs it off, by keyboard alone. */
async function signOffByKeyboard(page: Page, row: (page: Page) => Locator, comment: string, done: string): Promise<void> {
  await page.goto(baseURL + '/sign-off');
  await unlock(page);
  await row(page).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Your decision' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Management comment').focus();
  await page.keyboard.type(comment);
  await page.getByRole('button', { name: 'Sign off' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: done }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
}

describe('a manager signs off an exact revision, and corrections are addenda', () => {
  it('goes from a visit recorded offline to a signed-off record with a signed-off addendum', async () => {
    // The practitioner records a visit to Saoirse with no signal, then syncs.
    const practitioner = await device(DEMO.practitioner, '/visits/new');
    const p = practitioner.page;
    await practitioner.context.setOffline(true);
    await answer(p, 'How did the visit happen?', 'Home visit');
    await continueTo(p, 'Children on the visit');
    await group(p, 'Which children were part of this visit?').getByRole('checkbox', { name: 'Saoirse Quillfeather' }).check();
    await continueTo(p, 'Seeing each child');
    await answer(p, 'Was Saoirse Quillfeather seen?', 'Yes');
    await answer(p, 'Was Saoirse Quillfeather seen alone?', 'Yes');
    await answer(p, "Did you see Saoirse Quillfeather's bedroom?", 'Yes');
    await continueTo(p, 'Worries');
    await answer(p, 'Was there a significant event or emergency?', 'No');
    await answer(p, 'Do you have critical worries about a child?', 'No');
    await continueTo(p, 'Visit note');
    await p.getByLabel('What happened').fill('Saoirse showed me the morning routine chart; her dad says mornings are calmer.');
    await p.getByLabel("Saoirse Quillfeather's voice").fill('Saoirse said she likes getting the stickers.');
    await p.getByLabel('Analysis').fill('The routine is working; Saoirse presented as happy.');
    await p.getByLabel('Next steps').fill('Review the chart at the next visit.');
    await continueTo(p, 'Check and finish');
    await p.getByRole('button', { name: 'Finish and record' }).click();
    await p.getByRole('heading', { level: 1, name: 'Visit recorded' }).waitFor();
    // The visit's address replaces /new by a navigation of its own: wait for it, then read it.
    await p.waitForURL(/\/visits\/[0-9a-f-]{36}$/);
    const visitPath = new URL(p.url()).pathname;
    await practitioner.context.setOffline(false);
    await waitForEmptyOutbox(p);

    // The manager's tablet syncs, then signs it off with no signal, and syncs later.
    const manager = await device(DEMO.manager, '/sign-off');
    const m = manager.page;
    await manager.context.setOffline(true);
    const visitRow = (page: Page) => page.getByRole('link', { name: /^Visit: Saoirse Quillfeather/ }).and(page.locator(`[href="/sign-off/${visitPath.split('/')[2]}"]`));
    await signOffByKeyboard(m, visitRow, 'Good, child-focused note.', 'Visit signed off');
    await manager.context.setOffline(false);
    await waitForEmptyOutbox(m);

    // The practitioner's copy becomes read only once it syncs.
    await syncNow(p);
    await p.goto(baseURL + visitPath);
    await unlock(p);
    await p.getByText(/^Signed off by Morgan Ashby on /).waitFor();
    await p.getByText('Good, child-focused note.', { exact: false }).first().waitFor();
    // The banner above shows only on the read-only view, rendered whole with it: no form can follow.
    expect(await p.locator('main').getByRole('textbox').count()).toBe(0);
    expect(await p.locator('main').getByRole('radio').count()).toBe(0);
    expect(await axeViolations(p)).toEqual([]);

    // A correction is an addendum, which goes through sign-off too.
    await p.getByRole('link', { name: 'Write an addendum' }).click();
    await p.getByRole('heading', { level: 1, name: 'Write an addendum' }).waitFor();
    await p.getByLabel('Addendum').fill('Correction: the visit was after school, not before.');
    await p.getByRole('button', { name: 'Submit addendum' }).click();
    await p.getByRole('heading', { level: 1, name: 'Addendum submitted' }).waitFor();
    await waitForEmptyOutbox(p);

    await syncNow(m);
    await signOffByKeyboard(m, (page) => page.getByRole('link', { name: /^Addendum: to the visit record for Saoirse Quillfeather/ }), 'Thank you for the correction.', 'Addendum signed off');
    await waitForEmptyOutbox(m);

    await syncNow(p);
    await p.goto(baseURL + visitPath);
    await unlock(p);
    const addenda = p.getByRole('region', { name: 'Addenda' });
    await addenda.getByText('Correction: the visit was after school, not before.', { exact: false }).waitFor();
    await expect.poll(() => addenda.textContent(), eventually).toMatch(/Signed off/);

    for (const context of contexts.splice(0)) await context.close();
  });
});

describe("the manager's team dashboard", () => {
  it("shows the same measures as the compliance command gives for the team's exported caseload", async () => {
    const manager = await device(DEMO.manager, '/dashboard');
    const page = manager.page;
    await page.getByRole('heading', { level: 1, name: 'Team dashboard' }).waitFor();
    await page.getByLabel('Period').selectOption({ label: 'Everything up to now' });
    await page.getByText(/^Showing everything up to /).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The "Team" row of each measure's table: numerator, denominator.
    const teamRows = page.locator('table').filter({ has: page.getByRole('rowheader', { name: 'Team', exact: true }) });
    await expect.poll(() => teamRows.count(), eventually).toBe(3);
    const shown: number[][] = [];
    for (const table of await teamRows.all()) {
      const cells = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Team', exact: true }) }).getByRole('cell');
      shown.push([Number(await cells.nth(0).textContent()), Number(await cells.nth(1).textContent())]);
    }

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export caseload' }).click();
    const file = await (await download).path();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/compliance.ts', file]);
    const { measures } = JSON.parse(stdout) as { measures: Record<string, { numerator: number; denominator: number }> };
    expect(shown).toEqual(
      ['seenAlone', 'recordedInTimescale', 'visitsInTimescale'].map((key) => [measures[key]!.numerator, measures[key]!.denominator]),
    );
    expect(measures.visitsInTimescale!.denominator).toBeGreaterThan(0);

    for (const context of contexts.splice(0)) await context.close();
  });
});

describe('the audit trail', () => {
  it("lists who read a child's records, for an admin only, and is axe-clean", async () => {
    const practitioner = await device(DEMO.practitioner, '/');
    await practitioner.page.getByRole('link', { name: 'Tamsin Ellery' }).first().click();
    await practitioner.page.getByRole('heading', { level: 1, name: 'Tamsin Ellery' }).waitFor();
    const childId = decodeURIComponent(new URL(practitioner.page.url()).pathname.split('/')[2]!);

    const admin = await device(DEMO.admin, '/');
    const page = admin.page;
    await page.getByRole('navigation', { name: /service/i }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Show the trail' }).click();
    await page.getByRole('link', { name: 'Enter a child reference or a user' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Child reference').fill(childId);
    await page.getByRole('button', { name: 'Show the trail' }).click();
    const trail = page.getByRole('table');
    await trail.waitFor();
    // The practitioner's first sync read Tamsin's record: who, what, which record; never content.
    await expect.poll(() => trail.textContent(), eventually).toContain(DEMO.practitioner.name);
    // The table is rendered whole, in one go, from one reply: nothing more comes into it.
    expect(await trail.textContent()).not.toContain('Tamsin');
    expect(await axeViolations(page)).toEqual([]);

    // Nobody else has the page.
    await practitioner.page.goto(baseURL + '/audit');
    await unlock(practitioner.page);
    await practitioner.page.getByText('Only an administrator can see the audit trail.').waitFor();
    // That sentence needs the account read, and the navigation takes its links from that same account.
    expect(await practitioner.page.getByRole('navigation', { name: /service/i }).getByRole('link', { name: 'Audit trail' }).count()).toBe(0);

    for (const context of contexts.splice(0)) await context.close();
  });
});
