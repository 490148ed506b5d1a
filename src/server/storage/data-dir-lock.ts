import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** In DATA_DIR, next to the pglite folder: `cat data/doorstep.lock` shows the holder's pid. */
export const LOCK_FILE_NAME = 'doorstep.lock';

/**
 * PGlite is a library, not a server: two processes on one folder each keep their own copy of
 * the database in memory and overwrite each other's files, so acknowledged writes vanish.
 * This is the refusal: the caller prints its message as one line and exits 2.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the database in ${shownPath(dataDir)} is in use by process ${pid}; stop it first or use DATABASE_URL`);
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

/**
 * Takes DATA_DIR for this process: creates the lock file with O_EXCL ('wx'), so of two
 * processes starting at once exactly one succeeds. A lock whose process is gone (SIGKILL, a
 * power cut) is taken over. Throws DataDirInUseError when a live process holds it.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  const content = lockContent(process.pid);
  // Two rounds: the second follows removing a stale lock. If another process takes the freed
  // lock between our unlink and our create, the second EEXIST names that live process.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return heldLock(path, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const raw = readText(path);
    if (raw === undefined) continue; // released meanwhile: try again
    const holder = parseHolder(raw);
    if (holder !== undefined && holderIsAlive(holder)) throw new DataDirInUseError(dataDir, holder.pid);
    // Stale. Removed only if unchanged, so a lock another process has just taken is kept.
    if (readText(path) === raw) unlinkQuietly(path);
  }
  throw new DataDirInUseError(dataDir, parseHolder(readText(path) ?? '')?.pid ?? 0);
}

interface Holder {
  pid: number;
  /** Linux process start time (clock ticks since boot), so a reused pid is not mistaken for the holder. */
  startTicks: string | undefined;
}

function heldLock(path: string, content: string): DataDirLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock: after a takeover the file may be another process's.
    if (readText(path) === content) unlinkQuietly(path);
  };
  // A fatal error that exits without closing storage still frees DATA_DIR; SIGKILL cannot,
  // and that is what the stale check is for.
  process.on('exit', release);
  return { release };
}

function lockContent(pid: number): string {
  return `${pid}\n${processStartTicks(pid) ?? ''}\n`;
}

function parseHolder(raw: string): Holder | undefined {
  const [pidText, startTicks] = raw.split('\n');
  const pid = Number(pidText);
  // An unreadable lock (empty after a crash mid-write, edited by hand) protects nothing.
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return { pid, startTicks: startTicks || undefined };
}

function holderIsAlive(holder: Holder): boolean {
  // Our own pid in the file means the process that wrote it is gone (typical in a container,
  // where the server is pid 1 at every start).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: alive, only owned by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const stat = readText(`/proc/${holder.pid}/stat`);
  if (stat === undefined) return true; // not Linux: the pid is all we can check
  const fields = statFields(stat);
  if (fields[0] === 'Z') return false; // exited, not yet reaped by its parent
  return holder.startTicks === undefined || fields[19] === holder.startTicks;
}

function processStartTicks(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : statFields(stat)[19];
}

/** /proc/<pid>/stat after the command name, which is in parentheses and may hold spaces: state is [0], starttime [19]. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** As the operator would type it: ./data for a folder under the working directory. */
function shownPath(dir: string): string {
  const inside = relative(process.cwd(), dir);
  if (inside === '') return '.';
  return inside.startsWith('..') || isAbsolute(inside) ? dir : `./${inside}`;
}
