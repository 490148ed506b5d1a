/**
 * The real app for a browser benchmark: a private production build and the real server
 * (src/server/main.ts) on a free port with a fresh embedded database, as the end-to-end tests'
 * global setup does (test/e2e/global-setup.ts). Nothing is written outside the work directory:
 * the shared dist/ is neither read nor rebuilt, so a colleague's build or e2e run is unaffected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** `vite build --outDir <outDir>` of the working tree as it is now. Rejects with vite's output. */
export async function buildApp(outDir: string): Promise<void> {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const { code, output } = await run(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
  });
  if (code !== 0) throw new Error(`vite build failed (exit ${code}):\n${output}`);
}

export interface RunningServer {
  baseURL: string;
  stop(): Promise<void>;
}

/** Starts `node --import tsx src/server/main.ts` on PORT 0 and resolves once it says where it runs. */
export async function startServer(staticDir: string, dataDir: string): Promise<RunningServer> {
  await mkdir(dataDir, { recursive: true });
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: staticDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  };
  try {
    const baseURL = await waitForUrl(server);
    return { baseURL, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 30 s:\n${output}`)), 30_000);
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
      reject(new Error(`the server exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function run(command: string, args: string[], options: { cwd: string }): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, output }));
  });
}
