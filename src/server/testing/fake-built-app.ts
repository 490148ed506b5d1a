import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fakeIndexHtml = '<!doctype html><title>Doorstep</title><div id="root"></div>';

/** A temp folder shaped like `vite build` output with vite-plugin-pwa, for serving tests. */
export async function writeFakeBuiltApp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'doorstep-dist-'));
  await mkdir(join(dir, 'assets'));
  await Promise.all([
    writeFile(join(dir, 'index.html'), fakeIndexHtml),
    writeFile(join(dir, 'sw.js'), "importScripts('workbox-5ffe50d4.js');"),
    writeFile(join(dir, 'workbox-5ffe50d4.js'), '/* workbox runtime */'),
    writeFile(join(dir, 'registerSW.js'), '/* registers sw.js */'),
    writeFile(join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Doorstep', start_url: '/' })),
    writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log("app");'),
    writeFile(join(dir, 'assets', 'index-abc123.css'), 'body{}'),
    writeFile(join(dir, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    // Copied in by accident; must never be served.
    writeFile(join(dir, '.env'), 'SECRET=do-not-serve'),
  ]);
  return dir;
}
