/**
 * Benchmark dispatcher: `npm run bench -- <name>` runs the default export of bench/<name>.ts.
 * Each bench module exports `default async function (args: string[]): Promise<void>`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [name, ...args] = process.argv.slice(2);
const dir = fileURLToPath(new URL('./', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3));

if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(`${dir}${name}.ts`)) {
  console.error(`usage: npm run bench -- <name>   (available: ${available.join(', ') || 'none'})`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(`${dir}${name}.ts`).href)) as { default?: (args: string[]) => unknown };
if (typeof mod.default !== 'function') {
  console.error(`bench/${name}.ts has no default export to run`);
  process.exit(2);
}
await mod.default(args);
