import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eventually, launchChromium, openControlledPage, unlock } from './browser';

const baseURL = inject('baseURL');
const staticDir = inject('staticDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('a new version of the app', () => {
  it('shows "Update now" and never reloads until the button is pressed', async () => {
    const context = await browser.newContext();
    const page = await openControlledPage(context, baseURL, '/direct-work/new');
    const words = page.getByLabel('What the child said, in their own words');
    await words.fill('Half-written sentence');
    await page.evaluate(() => {
      (window as unknown as { stillThisPage: boolean }).stillThisPage = true;
    });

    // Publish a new version: any byte change to the service worker script is an update.
    await appendFile(join(staticDir, 'sw.js'), `\n// new version ${Date.now()}\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    const button = page.getByRole('button', { name: 'Update now' });
    await button.waitFor();
    await page.getByText('Update available').first().waitFor();
    // A waiting worker must not take over by itself: give it time to misbehave.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
    expect(await words.inputValue()).toBe('Half-written sentence');

    await Promise.all([page.waitForEvent('load'), button.click()]);
    expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBeUndefined();
    // The new version starts locked; once unlocked, the half-written words are still there.
    await unlock(page);
    // The banner comes only from a waiting worker: once the new version controls the page with
    // nothing installing or waiting behind it, no banner can come, so its absence is final.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            const active = registration?.active;
            return !!active && !registration.installing && !registration.waiting && navigator.serviceWorker.controller?.scriptURL === active.scriptURL;
          }),
        eventually,
      )
      .toBe(true);
    expect(await page.getByRole('button', { name: 'Update now' }).count()).toBe(0);
    await page.goto(baseURL + '/drafts');
    await unlock(page);
    await page.getByRole('link', { name: /Continue/ }).first().click();
    await expect.poll(() => page.getByLabel('What the child said, in their own words').inputValue(), eventually).toBe('Half-written sentence');
    await context.close();
  });
});
