import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    staticDir: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Starts the real server (tsx src/server/main.ts) on a free port with a fresh embedded
 * database and a private copy of the production build, so a test may publish a "new
 * version" of the service worker without touching dist/.
 */
export default async function setup(project: TestProject) {
  const dist = join(root, 'dist');
  await stat(join(dist, 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: run `npm run build` before the end-to-end tests');
  });
  const work = await mkdtemp(join(tmpdir(), 'doorstep-e2e-'));
  const staticDir = join(work, 'dist');
  await cp(dist, staticDir, { recursive: true });

  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(work, 'data'), STATIC_DIR: staticDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseURL = await waitForUrl(server);
  project.provide('baseURL', baseURL);
  project.provide('staticDir', staticDir);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((done) => server.once('exit', done));
    await rm(work, { recursive: true, force: true });
  };
}

function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePromise(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
}
