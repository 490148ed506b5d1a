import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectHeading, launchChromium, openControlledPage, unlock } from './browser';
import { headerPages, routes } from './routes';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

describe('the built app under the server’s Content-Security-Policy', () => {
  it('signs in, installs its service worker, syncs and shows every page with no CSP violation', async () => {
    const context = await browser.newContext();
    // Init scripts are injected by the browser, not the page, so the CSP does not block them.
    await context.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.cspViolations!.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const consoleReports: string[] = [];
    context.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) consoleReports.push(message.text());
    });

    const headers = (await context.request.get(baseURL + '/')).headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");

    // Sign-in, PIN, service worker in control, first sync: all of it under the CSP.
    const page = await openControlledPage(context, baseURL);
    const navigation = page.getByRole('navigation', { name: /service/i });
    for (const route of routes) {
      await navigation.getByRole('link', { name: route.navLink, exact: true }).click();
      await page.waitForURL(baseURL + route.path);
      await expectHeading(page, route.heading);
    }
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    // Loaded as documents (from the service worker's cache), each with its own CSP.
    for (const header of headerPages) {
      await page.goto(baseURL + header.path);
      await unlock(page);
      await expectHeading(page, header.heading);
      expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    }
    expect(consoleReports).toEqual([]);
    await context.close();
  });
});
