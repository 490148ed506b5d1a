import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eventually, expectHeading, launchChromium, openControlledPage, reloadAndUnlock, unlock } from './browser';
import { missingPath, routes } from './routes';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('the app with no network', () => {
  it('reloads offline and every page renders, by link and by address', async () => {
    const context = await browser.newContext();
    const page = await openControlledPage(context, baseURL);
    await context.setOffline(true);
    await reloadAndUnlock(page);
    await expectHeading(page, 'Caseload', { exact: true });
    await page.getByText('Offline', { exact: true }).first().waitFor();
    // The demo caseload the first sync brought from the server, evaluated by the shared rules offline.
    await page.getByRole('link', { name: 'Tamsin Ellery' }).first().waitFor();

    const navigation = page.getByRole('navigation', { name: /service/i });
    for (const route of routes) {
      await navigation.getByRole('link', { name: route.navLink, exact: true }).click();
      await page.waitForURL(baseURL + route.path);
      await expectHeading(page, route.heading);
      if ('ready' in route) await page.getByRole('button', { name: route.ready }).waitFor();
    }
    for (const route of routes) {
      await page.goto(baseURL + route.path);
      await unlock(page);
      await expectHeading(page, route.heading);
      if ('ready' in route) await page.getByRole('button', { name: route.ready }).waitFor();
    }
    await page.goto(baseURL + missingPath);
    await unlock(page);
    await expectHeading(page, 'Page not found', { exact: true });
    await context.close();
  });

  it('keeps a draft typed offline across a reload', async () => {
    const context = await browser.newContext();
    const page = await openControlledPage(context, baseURL, '/direct-work/new');
    await context.setOffline(true);
    await reloadAndUnlock(page);
    const words = 'She said the house with the red door is where she feels safe.';
    await page.getByLabel('What the child said, in their own words').fill(words);
    await page.getByText('Draft saved').first().waitFor();
    await page.waitForURL(/\/direct-work\/[0-9a-f-]{36}$/);
    await reloadAndUnlock(page);
    await expect.poll(() => page.getByLabel('What the child said, in their own words').inputValue(), eventually).toBe(words);
    // Counted by a live query after the page shows.
    await page.getByText(/1 change waiting to sync/).first().waitFor();
    await context.close();
  });
});
