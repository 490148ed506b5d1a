import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnServer, type ServerProcess } from '../testing/server-process.ts';
import { DataDirInUseError, LOCK_FILE_NAME } from './data-dir-lock.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A CLI or server process run to its end: `node --import tsx <script> <args>`. */
function runToExit(script: string, args: string[], env: Record<string, string>): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', STATIC_DIR: '/nonexistent', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

// A guard against a hang, not a speed check: each process opens PGlite and migrates, which
// took 15–25 s apiece on this loaded two-core machine, and one test runs up to four of them.
const PROCESSES_TIMEOUT = 240_000;

const inUse = (dataDir: string, pid: number | undefined) =>
  `the database in ${dataDir} is in use by process ${pid}; stop it first or use DATABASE_URL\n`;

describe('one process per embedded database (DATA_DIR lock)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const running: ServerProcess[] = [];

  let template: string;

  // Creating a PGlite database (initdb + migrations) is the slow part of a start, so it is done
  // once, by an admin command, and each test starts from a copy.
  beforeAll(async () => {
    template = await mkdtemp(join(tmpdir(), 'doorstep-lock-template-'));
    const created = await runToExit('src/cli/admin.ts', ['list-users'], { DATA_DIR: template });
    if (created.code !== 0) throw new Error(`could not create the template database: ${created.stderr}`);
  }, PROCESSES_TIMEOUT);
  afterAll(() => rm(template, { recursive: true, force: true }));

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'doorstep-lock-'));
    await cp(template, dataDir, { recursive: true });
    env = { DATA_DIR: dataDir, DEMO_DATA: '0' };
  });
  afterEach(async () => {
    for (const server of running.splice(0)) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server on the same DATA_DIR with exit 2 and one line, leaving the first running', async () => {
    const first = await spawnServer(env);
    running.push(first);

    const second = await runToExit('src/server/main.ts', [], env);

    expect(second).toEqual({ code: 2, stdout: '', stderr: inUse(dataDir, first.child.pid) });
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    expect(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8').split('\n')[0]).toBe(String(first.child.pid));
  }, PROCESSES_TIMEOUT);

  it('refuses an admin command while the server runs (exit 2, one line) and adds nothing', async () => {
    const server = await spawnServer(env);
    running.push(server);
    const addUser = ['add-user', '--email', 'ada@council.example', '--name', 'Ada', '--role', 'admin', '--password', 'a-long-password'];

    const refused = await runToExit('src/cli/admin.ts', addUser, env);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: inUse(dataDir, server.child.pid) });

    // A clean stop (SIGTERM) releases the lock: the admin command now runs, and finds no Ada.
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    running.length = 0;
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    const listed = await runToExit('src/cli/admin.ts', ['list-users'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain('ada@council.example');
    expect(await runToExit('src/cli/admin.ts', addUser, env)).toMatchObject({ code: 0 });
  }, PROCESSES_TIMEOUT);

  it('takes over the stale lock of a SIGKILLed server, and releases its own on SIGTERM', async () => {
    const killed = await spawnServer(env);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const lockFile = join(dataDir, LOCK_FILE_NAME);
    expect(readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(killed.child.pid)); // left behind

    const next = await spawnServer(env);
    running.push(next);
    expect(readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(next.child.pid));
    expect((await fetch(`${next.url}/api/health`)).status).toBe(200);

    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    running.length = 0;
    expect(existsSync(lockFile)).toBe(false);
  }, PROCESSES_TIMEOUT);

  it('names DATA_DIR as the operator typed it: ./data under the working directory', () => {
    expect(new DataDirInUseError(join(process.cwd(), 'data'), 4242).message).toBe(
      'the database in ./data is in use by process 4242; stop it first or use DATABASE_URL',
    );
  });
});
