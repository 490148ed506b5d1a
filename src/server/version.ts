import { readFileSync } from 'node:fs';

/** The running build's version, from package.json, so /api/health tells on-call what is deployed. */
export const serverVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
