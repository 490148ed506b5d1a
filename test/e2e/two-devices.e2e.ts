import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO, eventually, fillAndWaitForSave, launchChromium, newDevice, syncNow, unlock, waitForEmptyOutbox, type DemoAccount } from './browser';

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
async function device(account: DemoAccount = DEMO.practitioner, path = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newDevice(browser, baseURL, account, path);
  contexts.push(opened.context);
  return opened;
}

const childsWords = (page: Page) => page.getByLabel('What the child said, in their own words');

async function typeAndWaitForSave(page: Page, text: string): Promise<void> {
  // Waits for this save itself: "Draft saved" is still shown from the page's previous save.
  await fillAndWaitForSave(childsWords(page), text);
  await page.getByText('Draft saved').first().waitFor();
}

describe('two devices editing the same record offline', () => {
  it('keeps both edits as a conflict on both devices; one person resolves it and both converge', async () => {
    const a = await device(DEMO.practitioner, '/direct-work/new');
    await typeAndWaitForSave(a.page, 'First words, written on the first tablet.');
    await a.page.waitForURL(/\/direct-work\/[0-9a-f-]{36}$/);
    const recordPath = new URL(a.page.url()).pathname;
    await waitForEmptyOutbox(a.page);

    // The second tablet's first sync brings the draft down.
    const b = await device(DEMO.practitioner, '/');
    await b.page.goto(baseURL + recordPath);
    await unlock(b.page);
    await expect.poll(() => childsWords(b.page).inputValue(), eventually).toBe('First words, written on the first tablet.');

    // Both go out of signal and edit the same sentence.
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await typeAndWaitForSave(a.page, 'She said she likes the new school (tablet A).');
    await typeAndWaitForSave(b.page, 'She said she misses her old friends (tablet B).');

    // A comes back first and its edit is applied; then B comes back and its edit is kept as a conflict copy.
    await a.context.setOffline(false);
    await waitForEmptyOutbox(a.page);
    await b.context.setOffline(false);
    await b.page.getByRole('link', { name: '1 conflict to resolve' }).waitFor();

    // A hears of it at its next sync.
    await syncNow(a.page);
    await a.page.getByRole('link', { name: '1 conflict to resolve' }).waitFor();

    // On A, the person compares the two side by side and keeps their own.
    await a.page.getByRole('link', { name: '1 conflict to resolve' }).click();
    await a.page.getByRole('link', { name: 'Resolve conflicts' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Conflicts' }).waitFor();
    await a.page.getByRole('link', { name: /Compare versions/ }).first().click();
    await a.page.getByRole('heading', { level: 1, name: 'Resolve a conflict' }).waitFor();
    const versions = a.page.getByRole('table', { name: 'The two versions' });
    await expect.poll(() => versions.textContent(), eventually).toContain('She said she likes the new school (tablet A).');
    await expect.poll(() => versions.textContent(), eventually).toContain('She said she misses her old friends (tablet B).');
    await a.page.getByRole('button', { name: 'Keep my version' }).click();
    await a.page.getByText('Conflict resolved.', { exact: false }).waitFor();
    await waitForEmptyOutbox(a.page);

    // B takes the resolution at its next sync: no conflict left, and the same words on both.
    await syncNow(b.page);
    await b.page.getByRole('link', { name: 'Sync status' }).waitFor();
    // A's header counts its conflicts with a live query: wait for the link to go.
    await a.page.getByRole('link', { name: /to resolve/ }).waitFor({ state: 'detached' });
    for (const page of [a.page, b.page]) {
      await page.goto(baseURL + recordPath);
      await unlock(page);
      await expect.poll(() => childsWords(page).inputValue(), eventually).toBe('She said she likes the new school (tablet A).');
    }
    for (const context of contexts.splice(0)) await context.close();
  });
});

/** A small real PNG (a 24×16 orange rectangle), as a tablet camera's photo would be a JPEG. */
function drawing(): Buffer {
  const width = 24;
  const height = 16;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xf4, 0x77, 0x38]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('a photo taken with no signal', () => {
  it("arrives on the manager's device once the practitioner's tablet is back online", async () => {
    const practitioner = await device(DEMO.practitioner, '/direct-work/new');
    await practitioner.context.setOffline(true);
    const page = practitioner.page;
    await page.getByLabel('Child', { exact: true }).selectOption({ label: 'Poppy Threlkeld' });
    const date = page.getByRole('group', { name: 'Date of the direct work', exact: true });
    await date.getByLabel('Day').fill('20');
    await date.getByLabel('Month').fill('11');
    await date.getByLabel('Year').fill('2026');
    await page.getByRole('checkbox', { name: 'Three houses' }).check();
    await childsWords(page).fill('Poppy put her aunt and her cat in the house of good things.');
    await page.getByLabel('Your analysis').fill('Poppy feels safe with her aunt; no worries in the house of worries.');
    await page.getByLabel('Add photos').setInputFiles({ name: 'three-houses.png', mimeType: 'image/png', buffer: drawing() });
    await page.getByLabel('Description of photo 1').fill("Poppy's three houses drawing, in orange crayon");
    await page.getByRole('button', { name: 'Finish and record' }).click();
    await page.getByRole('heading', { level: 1, name: 'Direct work recorded' }).waitFor();
    // The record's address replaces /new by a navigation of its own: wait for it, then read it.
    await page.waitForURL(/\/direct-work\/[0-9a-f-]{36}$/);
    const recordPath = new URL(page.url()).pathname;

    await practitioner.context.setOffline(false);
    await waitForEmptyOutbox(page);

    const manager = await device(DEMO.manager, '/');
    await manager.page.goto(baseURL + recordPath);
    await unlock(manager.page);
    const photo = manager.page.getByRole('img', { name: "Poppy's three houses drawing, in orange crayon" });
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]))).toEqual([24, 16]);
    for (const context of contexts.splice(0)) await context.close();
  });
});
