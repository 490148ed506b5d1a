/**
 * `npm run bench -- drafts [--edits N] [--children N] [--contacts N]`
 *
 * Key press → draft durable on the device, in the real app in Chromium: a private production
 * build of the working tree (always built, into a temp dir: the shared dist/ is never used),
 * the real server with a fresh DATA_DIR, a new device with its PIN set up, 5,000 records
 * imported through the Caseload page's "Import a caseload file", then 200 single key presses
 * in the direct work form's "What the child said, in their own words".
 *
 * Each sample: performance.now() in a capture-phase keydown listener on window → the
 * `doorstep:record-saved` event (dispatched by saveRecord once the transaction writing the
 * record and its outbox entry has committed) for that draft with a higher localVersion. Each
 * edit waits for its save, so a sample is one key → durable, the form's autosave debounce
 * included. The event's startedAt/sealedAt split that into the wait before the save starts
 * (debounce), sealing (AES-GCM) and the IndexedDB transaction.
 */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, setUpPin, signIn, waitForSync } from '../test/e2e/browser.ts';
import { buildApp, startServer, type RunningServer } from './support/app-server.ts';
import { generateCaseloadFile } from './support/caseload-file.ts';

const SAVED_EVENT = 'doorstep:record-saved';
const FIELD = 'What the child said, in their own words';
const KEYS = 'the child said she likes the new school and her friend Jo '.split('');
const EDIT_TIMEOUT_MS = 10_000;
const IMPORT_TIMEOUT_MS = 300_000;

interface Options {
  edits: number;
  children: number;
  contacts: number;
}

/** What the page keeps (installed by instrument()). */
interface Probe {
  keydowns: number[];
  saves: { id: string; type: string; localVersion: number; startedAt: number; sealedAt: number; at: number }[];
}
type ProbeWindow = Window & { __draftsBench?: Probe };

interface Sample {
  /** keydown → committed: what the user waits for. */
  total: number;
  /** keydown → saveRecord called (the debounce and whatever ran before it fired). */
  beforeSave: number;
  /** saveRecord called → body sealed. */
  seal: number;
  /** sealed → transaction committed and event dispatched. */
  transaction: number;
  localVersion: number;
}

export default async function benchDrafts(args: string[]): Promise<void> {
  let options: Options;
  try {
    options = parseArgs(args);
  } catch (error) {
    console.error(`drafts: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }

  const loadBefore = loadavg()[0]!;
  const work = await mkdtemp(join(tmpdir(), 'doorstep-bench-drafts-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const staticDir = join(work, 'dist');
    step('building the app (vite build into a temp dir)');
    await buildApp(staticDir);
    server = await startServer(staticDir, join(work, 'data'));
    step(`server at ${server.baseURL}`);

    browser = await launchChromium();
    const context = await browser.newContext();
    // tsx compiles with esbuild's keepNames, which wraps named functions in a `__name(fn, "name")`
    // helper that exists only in Node; functions passed to page.evaluate bring calls to it along.
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });

    await page.goto(server.baseURL + '/');
    await signIn(page);
    await setUpPin(page);
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), undefined, { timeout: 60_000 });
    await waitForSync(page);
    // Measured with no signal, as in a home visit: the sync engine would otherwise push the
    // 5,000 imported records during the edits.
    await context.setOffline(true);
    const demoRecords = await countRecords(page);
    step(`signed in, PIN set up, first sync brought ${demoRecords} demo records; now offline`);

    const file = join(work, 'bench-caseload.json');
    await writeFile(file, generateCaseloadFile({ children: options.children, contacts: options.contacts, asOf: new Date() }));
    const importMs = await importCaseload(page, file, options);
    const records = await countRecords(page);
    const wanted = options.children + options.contacts;
    if (records < wanted) throw new Error(`only ${records} records on the device after the import (expected at least ${wanted})`);
    step(`imported ${options.children} children + ${options.contacts} contacts in ${(importMs / 1000).toFixed(1)} s; ${records} records stored`);

    const { first, samples } = await measureEdits(page, options.edits);
    if (pageErrors.length > 0) throw new Error(`the page reported errors:\n  ${pageErrors.join('\n  ')}`);

    report({ records, options, first, samples, chromium: browser.version(), loadBefore });
  } catch (error) {
    console.error(`drafts: FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function parseArgs(args: string[]): Options {
  const options: Options = { edits: 200, children: 2_500, contacts: 2_500 };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]?.replace(/^--/, '');
    const value = Number(args[i + 1]);
    if ((name !== 'edits' && name !== 'children' && name !== 'contacts') || !Number.isInteger(value) || value < 1) {
      throw new Error(`usage: npm run bench -- drafts [--edits N] [--children N] [--contacts N] (got: ${args.join(' ')})`);
    }
    options[name] = value;
  }
  return options;
}

function step(message: string): void {
  console.error(`drafts: ${message}`);
}

/** The number of rows in the 'records' store of the 'doorstep' database (no key needed). */
function countRecords(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('doorstep');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('records').objectStore('records').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** Through the Caseload page's file upload, as a practitioner would. Returns the time it took. */
async function importCaseload(page: Page, file: string, options: Options): Promise<number> {
  await page.getByLabel('Import a caseload file').setInputFiles(file);
  const started = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const done = page.getByText(`Imported ${options.children} children and ${options.contacts} contacts from bench-caseload.json`);
  const failed = page.getByText('The file could not be imported', { exact: false }).first();
  await done.or(failed).waitFor({ timeout: IMPORT_TIMEOUT_MS });
  if (await failed.isVisible()) throw new Error(`the import failed: ${(await failed.textContent())?.trim()}`);
  return Date.now() - started;
}

/**
 * Opens a new direct work record from the service navigation (a client-side route change: a
 * reload would lock the device), types one key to create the draft (not counted: it also
 * changes the address), then `edits` keys, each waiting for its save.
 */
async function measureEdits(page: Page, edits: number): Promise<{ first: Sample; samples: Sample[] }> {
  await page.getByRole('navigation', { name: /service/i }).getByRole('link', { name: 'Direct work' }).click();
  const field = page.getByLabel(FIELD, { exact: true });
  await field.waitFor();
  await field.focus();
  await page.evaluate(instrument, SAVED_EVENT);

  const first = await edit(page, 0, null, 0);
  const created = await page.evaluate(() => (window as ProbeWindow).__draftsBench!.saves.at(-1)!);
  if (created.type !== 'direct-work' || created.localVersion !== 1) {
    throw new Error(`the first key press saved ${created.type} v${created.localVersion}, not a new direct-work draft`);
  }
  await page.waitForURL(`**/direct-work/${created.id}`);

  const samples: Sample[] = [];
  for (let i = 1; i <= edits; i++) {
    const sample = await edit(page, i, created.id, samples.at(-1)?.localVersion ?? 1);
    if (sample.localVersion !== (samples.at(-1)?.localVersion ?? 1) + 1) {
      throw new Error(`edit ${i} saved localVersion ${sample.localVersion}: a save was missed or an extra one came`);
    }
    samples.push(sample);
  }

  const typed = KEYS.join('').repeat(Math.ceil((edits + 1) / KEYS.length)).slice(0, edits + 1);
  const value = await field.inputValue();
  if (value !== typed) throw new Error(`the field holds ${JSON.stringify(value.slice(0, 60))}…, not the ${edits + 1} keys typed`);
  return { first, samples };
}

/** In the page: capture-phase keydown times and every record-saved event, with its time. */
function instrument(eventName: string): void {
  const probe: Probe = { keydowns: [], saves: [] };
  (window as ProbeWindow).__draftsBench = probe;
  window.addEventListener('keydown', () => probe.keydowns.push(performance.now()), { capture: true });
  window.addEventListener(eventName, (event) => {
    const at = performance.now();
    const detail = (event as CustomEvent<Omit<Probe['saves'][number], 'at'>>).detail;
    probe.saves.push({ ...detail, at });
  });
}

/** Presses key number `index` and waits for the save of record `id` (any new draft if null) above `after`. */
async function edit(page: Page, index: number, id: string | null, after: number): Promise<Sample> {
  const key = KEYS[index % KEYS.length]!;
  // Event-driven, no polling: a timer loop in the page would compete with the app for the CPU.
  const waited = page.evaluate(
    ({ index, id, after, timeout, eventName }) =>
      new Promise<Sample | string>((resolve) => {
        const probe = (window as ProbeWindow).__draftsBench!;
        const finish = (result: Sample | string) => {
          clearTimeout(timer);
          window.removeEventListener(eventName, check);
          resolve(result);
        };
        // Runs after instrument()'s listener (added first), so the probe already has this save.
        function check(): void {
          const keydown = probe.keydowns[index];
          const saved = probe.saves.find((s) => (id === null ? s.type === 'direct-work' : s.id === id) && s.localVersion > after);
          if (keydown === undefined || !saved) return;
          if (probe.keydowns.length !== index + 1) return finish(`${probe.keydowns.length - index} keydowns for one key press`);
          finish({
            total: saved.at - keydown,
            beforeSave: saved.startedAt - keydown,
            seal: saved.sealedAt - saved.startedAt,
            transaction: saved.at - saved.sealedAt,
            localVersion: saved.localVersion,
          });
        }
        const timer = setTimeout(
          () => finish(probe.keydowns[index] === undefined ? 'no keydown reached the page' : 'no save'),
          timeout,
        );
        window.addEventListener(eventName, check);
        check();
      }),
    { index, id, after, timeout: EDIT_TIMEOUT_MS, eventName: SAVED_EVENT },
  ).catch((error: unknown) => `the page script failed: ${error instanceof Error ? error.message : String(error)}`);
  await page.keyboard.press(key === ' ' ? 'Space' : key);
  const result = await waited;
  if (typeof result === 'string') throw new Error(`edit ${index} (key ${JSON.stringify(key)}): ${result} within ${EDIT_TIMEOUT_MS} ms`);
  return result;
}

/** Nearest-rank percentile. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(values: number[]): { p50: number; p95: number; max: number; min: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)!, min: sorted[0]! };
}

function report(run: { records: number; options: Options; first: Sample; samples: Sample[]; chromium: string; loadBefore: number }): void {
  const { records, samples, first } = run;
  const ms = (n: number) => `${Math.round(n)} ms`;
  const ms1 = (n: number) => `${n.toFixed(1)} ms`;
  const total = summary(samples.map((s) => s.total));
  const write = summary(samples.map((s) => s.seal + s.transaction));
  const before = summary(samples.map((s) => s.beforeSave));
  const seal = summary(samples.map((s) => s.seal));
  const transaction = summary(samples.map((s) => s.transaction));
  const cpu = cpus();
  console.log(
    `drafts: ${records} records stored, ${samples.length} edits, key→durable p50 ${ms(total.p50)}, p95 ${ms(total.p95)}, max ${ms(total.max)}`,
  );
  console.log(
    `drafts: write alone (saveRecord called → committed) p50 ${ms1(write.p50)}, p95 ${ms1(write.p95)}, max ${ms1(write.max)}` +
      ` [seal p50 ${ms1(seal.p50)}, p95 ${ms1(seal.p95)}; transaction p50 ${ms1(transaction.p50)}, p95 ${ms1(transaction.p95)}]`,
  );
  console.log(
    `drafts: key→save starts (autosave debounce + scheduling) p50 ${ms(before.p50)}, p95 ${ms(before.p95)}, min ${ms(before.min)}, max ${ms(before.max)}`,
  );
  console.log(`drafts: first key (creates the draft, not counted) ${ms(first.total)}; key→durable min ${ms(total.min)}`);
  console.log(
    `drafts: machine ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, Chromium ${run.chromium} headless, ${process.platform}; ` +
      `load average (1 min) ${run.loadBefore.toFixed(2)} before the run, ${loadavg()[0]!.toFixed(2)} after`,
  );
}
