import { readdir, readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const TEST_PIN = '482916';

/** The demo accounts the server seeds on first start (README lists them). */
export const DEMO = {
  practitioner: { email: 'practitioner@doorstep.example', password: 'practitioner-demo-1', name: 'Priya Lowell' },
  manager: { email: 'manager@doorstep.example', password: 'manager-demo-1', name: 'Morgan Ashby' },
  observer: { email: 'observer@doorstep.example', password: 'observer-demo-1', name: 'Olu Brennan' },
  admin: { email: 'admin@doorstep.example', password: 'admin-demo-1', name: 'Ada Whitlock' },
} as const;
export type DemoAccount = (typeof DEMO)[keyof typeof DEMO];

/** Debian's Chromium with the flags this machine needs (its network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Kills, with SIGKILL, every process of the Chromium using the profile folder `profile`, as
 * when a tablet's battery dies or the OS kills the browser: no unload handler, no shutdown.
 * Waits until they have all gone, so another Chromium can open the profile. Linux (/proc).
 */
export async function killChromiumUsing(profile: string): Promise<void> {
  const running = async (): Promise<number[]> => {
    const pids: number[] = [];
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
      if (commandLine.split('\0').some((arg) => arg === `--user-data-dir=${profile}`)) pids.push(Number(entry));
    }
    return pids;
  };
  const first = await running();
  if (first.length === 0) throw new Error(`No Chromium is using ${profile}`);
  for (const pid of first) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 20_000;
  while ((await running()).length > 0) {
    if (Date.now() > deadline) throw new Error(`Chromium using ${profile} did not die`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Loads the app on a new device, signs in (the practitioner unless told), sets up its PIN,
 * waits until the service worker controls the page, so it works offline from then on, and
 * until the first sync has brought the caseload (the server's demo data) down (not for the
 * admin, whose device never syncs).
 */
export async function openControlledPage(
  context: BrowserContext,
  baseURL: string,
  path = '/',
  account: DemoAccount = DEMO.practitioner,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseURL + path);
  await signIn(page, account);
  await setUpPin(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // registerType 'prompt' never claims clients, so the first load is uncontrolled: reload once.
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await unlock(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  if (account !== DEMO.admin) await waitForSync(page); // an admin's device holds no case records: it never syncs
  return page;
}

/** The first-run sign-in page (it must be online). */
export async function signIn(page: Page, account: DemoAccount = DEMO.practitioner): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in to Doorstep' }).waitFor();
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Reads the app's IndexedDB in the page: the number of rows in `store`, or the row under `key`. */
async function readStore({ store, key }: { store: string; key?: string }): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('doorstep');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const objects = db.transaction(store).objectStore(store);
      const request = key === undefined ? objects.count() : objects.get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Polls the device's IndexedDB until `done` holds for what readStore reads. */
async function waitForStore(page: Page, read: { store: string; key?: string }, done: (value: unknown) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done(await page.evaluate(readStore, read))) {
    if (Date.now() > deadline) throw new Error(`Timed out after 20 s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Waits for a sync that finishes after `after` (the device keeps the time of its last
 * successful sync in IndexedDB's plain meta table).
 */
export async function waitForSync(page: Page, after = new Date(0)): Promise<void> {
  const since = after.toISOString();
  await waitForStore(
    page,
    { store: 'meta', key: 'sync.lastSuccessAt' },
    (entry) => {
      const value = (entry as { value?: unknown } | undefined)?.value;
      return typeof value === 'string' && value > since;
    },
    `a sync that finished after ${since}`,
  );
}

/** Waits until nothing is waiting in the device's outbox: every change accepted by the server or kept as a conflict. */
export async function waitForEmptyOutbox(page: Page): Promise<void> {
  await waitForStore(page, { store: 'outbox' }, (count) => count === 0, 'an empty outbox');
}

export async function setUpPin(page: Page, pin = TEST_PIN): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Set up a PIN' }).waitFor();
  await page.getByLabel('PIN or passphrase', { exact: true }).fill(pin);
  await page.getByLabel('Confirm PIN or passphrase').fill(pin);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
}

/** Unlocks after a reload: the data key lives only in memory, so every load starts locked. */
export async function unlock(page: Page, pin = TEST_PIN): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Unlock Doorstep' }).waitFor();
  await page.getByLabel('PIN or passphrase', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor();
}

/** Reloads and unlocks, as a practitioner reopening the app would. */
export async function reloadAndUnlock(page: Page): Promise<void> {
  await page.reload();
  await unlock(page);
}

/**
 * Options for vitest's `expect.poll`, whose default gives up after 1 s: for values the page
 * fills in a moment after the element appears (a field's value read from the device, a text
 * that a live query brings). `count()`, `textContent()` and `inputValue()` read the page as it
 * is at that instant, so never assert on them once: poll until the page gets there.
 * `await expect.poll(() => field.inputValue(), eventually).toBe('x')`
 */
export const eventually = { timeout: 20_000, interval: 100 } as const;

/**
 * Fills a form field and waits until the app has stored what was filled: a save that began
 * after the field's input event has committed (the app's `doorstep:record-saved` event, sent
 * once the record and its outbox entry are in IndexedDB). Not "Draft saved" on screen: once a
 * form has saved, that stays shown, so it cannot tell this save from an earlier one.
 */
export function fillAndWaitForSave(field: Locator, text: string): Promise<void> {
  return writeAndWaitForSave(field, (it) => it.fill(text));
}

/** As fillAndWaitForSave, for any way of writing into the field (e.g. key by key). */
export async function writeAndWaitForSave(field: Locator, write: (field: Locator) => Promise<void>): Promise<void> {
  const page = field.page();
  await page.evaluate(() => {
    const w = window as unknown as { e2eSaves?: { lastInputAt: number; startedAt: number[] } };
    if (!w.e2eSaves) {
      const saves = { lastInputAt: Number.POSITIVE_INFINITY, startedAt: [] as number[] };
      w.e2eSaves = saves;
      document.addEventListener('input', () => (saves.lastInputAt = performance.now()), true);
      window.addEventListener('doorstep:record-saved', (event) =>
        saves.startedAt.push((event as CustomEvent<{ startedAt: number }>).detail.startedAt),
      );
    }
    w.e2eSaves.lastInputAt = Number.POSITIVE_INFINITY;
    w.e2eSaves.startedAt = [];
  });
  await write(field);
  await page.waitForFunction(
    () => {
      const saves = (window as unknown as { e2eSaves?: { lastInputAt: number; startedAt: number[] } }).e2eSaves;
      return !!saves && saves.startedAt.some((startedAt) => startedAt >= saves.lastInputAt);
    },
    undefined,
    { timeout: 20_000 },
  );
}

/**
 * Waits for the page's h1 to say `text` (the whole of it with exact, else a part): a page may
 * show a placeholder heading for a moment while it reads the device, so never read it at once.
 */
export async function expectHeading(page: Page, text: string, { exact = false } = {}): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact }).waitFor();
}

/**
 * A new device (its own browser profile), signed in, with its PIN set and its first sync done.
 * The caller closes the context.
 */
export async function newDevice(
  browser: Browser,
  baseURL: string,
  account: DemoAccount = DEMO.practitioner,
  path = '/',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true });
  return { context, page: await openControlledPage(context, baseURL, path, account) };
}

/** Opens the sync page, presses "Sync now" and waits for that sync to finish. */
export async function syncNow(page: Page): Promise<void> {
  await page.goto(new URL('/sync', page.url()).href);
  await unlock(page);
  const pressed = new Date();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await waitForSync(page, pressed);
}

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG 2.2 AA violations on the page as it is now, one line each (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A GOV.UK fieldset by its legend. */
export const group = (page: Page, legend: string): Locator => page.getByRole('group', { name: legend, exact: true });

/** Answers a radio question by its legend. */
export async function answer(page: Page, legend: string, choice: string): Promise<void> {
  await group(page, legend).getByRole('radio', { name: choice, exact: true }).check();
}

/** Presses a multi-step form's "Continue" and waits for the next step's heading. */
export async function continueTo(page: Page, nextHeading: string): Promise<void> {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: nextHeading }).waitFor();
}
