import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations as violations, DEMO, expectHeading, launchChromium, setUpPin, unlock, waitForSync } from './browser';
import { headerPages, missingPath, routes } from './routes';

const baseURL = inject('baseURL');
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
});
afterAll(async () => {
  await browser.close();
});

describe('accessibility (WCAG 2.2 AA, axe)', () => {
  it('the sign-in page has no violations, nor its error state', async () => {
    await page.goto(baseURL + '/');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Doorstep' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Email address').fill(DEMO.practitioner.email);
    await page.getByLabel('Password').fill(DEMO.practitioner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  });

  it('the PIN set-up page has no violations, nor its error state', async () => {
    await page.getByRole('heading', { level: 1, name: 'Set up a PIN' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await violations(page)).toEqual([]);
    await setUpPin(page);
    await waitForSync(page);
  });

  for (const route of [...routes, ...headerPages]) {
    it(`${route.path} has no violations`, async () => {
      await page.goto(baseURL + route.path);
      await unlock(page);
      await expectHeading(page, route.heading);
      if ('ready' in route) await page.getByRole('button', { name: route.ready }).waitFor();
      expect(await violations(page)).toEqual([]);
    });
  }

  it("a child's page and page not found have no violations", async () => {
    await page.goto(baseURL + '/');
    await unlock(page);
    await page.getByRole('link', { name: 'Tamsin Ellery' }).first().click();
    await expectHeading(page, 'Tamsin Ellery', { exact: true });
    expect(await violations(page)).toEqual([]);

    await page.goto(baseURL + missingPath);
    await unlock(page);
    await expectHeading(page, 'Page not found', { exact: true });
    expect(await violations(page)).toEqual([]);
  });

  it('the unlock page has no violations, nor after a wrong PIN', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Unlock Doorstep' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('PIN or passphrase', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('There is a problem').waitFor();
    expect(await violations(page)).toEqual([]);
    await unlock(page);
  });

  it('can be driven by keyboard: skip link, then navigation to Settings', async () => {
    await page.goto(baseURL + '/');
    await unlock(page);
    // Unlocking moves focus to the h1 in an effect that may run after "Lock now" shows: wait
    // for it, so that it cannot take focus back after the reset below.
    await page.waitForFunction(() => document.activeElement?.matches('#main-content h1') === true);
    // Start keyboard navigation from the top of the page, as a fresh load does.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('#main-content') !== null)).toBe(true);

    const settings = page.getByRole('navigation', { name: /service/i }).getByRole('link', { name: 'Settings', exact: true });
    await settings.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(baseURL + '/settings');
    await expectHeading(page, 'Settings');
  });
});
