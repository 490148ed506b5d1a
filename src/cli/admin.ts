/**
 * npm run admin -- add-team | add-user | list-users   (see ADMIN_USAGE)
 *
 * Works on the server's own storage: DATABASE_URL, or the PGlite database in DATA_DIR. PGlite
 * is one process only: against a DATA_DIR this refuses (exit 2) while the server runs.
 */
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../server/config.ts';
import { createStorage } from '../server/storage/create-storage.ts';
import { DataDirInUseError } from '../server/storage/data-dir-lock.ts';
import { runAdmin } from './admin-command.ts';

/** The first line of stdin; on a terminal, prompted for and not echoed. */
async function readPassword(): Promise<string> {
  const terminal = Boolean(process.stdin.isTTY);
  if (terminal) process.stderr.write('Password (not shown): ');
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal });
  // readline echoes through _writeToOutput; silencing it hides the typed password.
  if (terminal) (lines as unknown as { _writeToOutput: () => void })._writeToOutput = () => {};
  for await (const line of lines) {
    lines.close();
    if (terminal) process.stderr.write('\n');
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let storage;
  try {
    storage = await createStorage({
      databaseUrl: config.databaseUrl,
      databaseMigrationUrl: config.databaseMigrationUrl,
      dataDir: config.dataDir,
    });
  } catch (error) {
    // The server (or another admin command) holds the embedded database: refuse, change nothing.
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  try {
    await storage.migrate();
    const result = await runAdmin(process.argv.slice(2), storage, {
      out: (line) => process.stdout.write(`${line}\n`),
      readPassword,
    });
    if (result.error) process.stderr.write(`${result.error}\n`);
    return result.code;
  } finally {
    await storage.close();
  }
}

process.exitCode = await main();
