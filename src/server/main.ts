import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { DEMO_TEAM, seedDemoAccounts } from './accounts/demo-accounts.ts';
import { seedDemoCaseload } from './demo/demo-caseload.ts';
import { buildServer } from './app.ts';
import { ConfigError, loadConfig, type ServerConfig } from './config.ts';
import { createStorage } from './storage/create-storage.ts';
import { DataDirInUseError } from './storage/data-dir-lock.ts';
import type { Storage } from './storage/storage.ts';

/** Past this, a stuck connection or query must not keep a stopping instance alive. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfigOrExit();

  let app: FastifyInstance | undefined;
  const storage = await exitIfDataDirInUse(createStorage({
    databaseUrl: config.databaseUrl,
    databaseMigrationUrl: config.databaseMigrationUrl,
    dataDir: config.dataDir,
    onIdleConnectionError: (error) => app?.log.error({ err: error }, 'an idle PostgreSQL connection failed'),
  }));
  app = buildServer({
    storage,
    staticDir: config.staticDir,
    // Written synchronously so the last lines before process.exit() (a fatal error, "stopped")
    // are never lost, and they stay in order with the plain line printed below.
    logger: { level: config.logLevel, stream: pino.destination({ dest: 1, sync: true }) },
    sessionDays: config.sessionDays,
    trustProxy: config.trustProxy,
  });
  const log = app.log;
  log.info(
    storage.kind === 'pglite'
      ? `database: embedded PGlite in ${config.dataDir}/pglite`
      : config.databaseMigrationUrl
        ? 'database: PostgreSQL from DATABASE_URL; migrations and grants as the DATABASE_MIGRATION_URL user'
        : 'database: PostgreSQL from DATABASE_URL',
  );

  try {
    const { applied } = await storage.migrate();
    log.info(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
  } catch (error) {
    log.fatal({ err: error }, 'migrations failed; nothing was changed. Stopping.');
    await storage.close().catch(() => {});
    process.exit(1);
  }

  // Only the instance that seeded the accounts (under their advisory lock) seeds the caseload,
  // so several instances starting at once on one PostgreSQL give one demo caseload.
  if (config.demoData && (await seedDemoAccounts(storage))) {
    const written = await seedDemoCaseload(storage);
    log.info(`demo accounts and ${written} invented case records created (team ${DEMO_TEAM}; see the README). Set DEMO_DATA=0 to skip.`);
  }

  stopGracefullyOnSignals(app, storage);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    log.fatal({ err: error }, listenFailure(error, config));
    await storage.close().catch(() => {});
    process.exit(1);
  }

  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  process.stdout.write(`Doorstep is running at http://${displayHost(config.host)}:${port}\n`);
}

/** Another process holds the embedded database: one line, exit 2, nothing opened or changed. */
async function exitIfDataDirInUse(opening: Promise<Storage>): Promise<Storage> {
  try {
    return await opening;
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

function readConfigOrExit(): ServerConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/**
 * SIGTERM (orchestrators) and SIGINT (Ctrl-C): stop taking requests, let those in flight
 * finish, then close the database, so PGlite's files are left consistent. A second signal,
 * or the grace period running out, exits at once.
 */
function stopGracefullyOnSignals(app: FastifyInstance, storage: Storage): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      app.log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    app.log.info(`${signal} received: finishing requests in flight, then stopping`);
    setTimeout(() => {
      app.log.error(`still stopping after ${SHUTDOWN_GRACE_MS} ms: exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    try {
      await app.close();
      await storage.close();
      app.log.info('stopped');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

function listenFailure(error: unknown, config: ServerConfig): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return `port ${config.port} is already in use: stop the other program or set PORT`;
  if (code === 'EACCES') return `not allowed to listen on port ${config.port}: choose a port above 1024 with PORT`;
  return `could not listen on ${config.host}:${config.port}`;
}

/** 0.0.0.0 and :: mean "every interface"; a person opens them as localhost. */
function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
}

await main();
