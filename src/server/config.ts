import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute. PGlite keeps its database in <dataDir>/pglite. */
  dataDir: string;
  /** PostgreSQL when set; embedded PGlite otherwise. Never log it: it may hold a password. */
  databaseUrl: string | undefined;
  /**
   * PostgreSQL only: the user that owns the tables and runs migrations, so databaseUrl's user
   * can be a least-privilege one (storage/runtime-grants.ts). Unset: databaseUrl does both.
   */
  databaseMigrationUrl: string | undefined;
  /** Absolute. The built PWA (`npm run build` writes it to ./dist). */
  staticDir: string;
  logLevel: LogLevel;
  /** How long a session lasts after sign-in. */
  sessionDays: number;
  /** Seed the demo team and accounts into an empty database (DEMO_DATA=0 turns it off). */
  demoData: boolean;
  /**
   * Fastify's trustProxy (TRUST_PROXY): which X-Forwarded-For / -Proto hops to believe for the
   * client's address (sign-in limits) and protocol (the Secure cookie). false unless set.
   */
  trustProxy: TrustProxy;
}

/** false, true (every hop), or addresses/CIDRs/proxy-addr names, comma-separated. */
export type TrustProxy = boolean | string;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Thrown for bad environment variables; its message is one line fit to print before exiting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, { error: 'PORT must be a whole number from 0 to 65535' })
    .transform(Number)
    .pipe(z.number().max(65535, { error: 'PORT must be a whole number from 0 to 65535' }))
    .default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_MIGRATION_URL must start with postgres:// or postgresql://' })
    .optional(),
  STATIC_DIR: z.string().default('./dist'),
  SESSION_DAYS: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: 'SESSION_DAYS must be a number of days above 0' })
    .transform(Number)
    .pipe(z.number().gt(0, { error: 'SESSION_DAYS must be a number of days above 0' }).max(366, { error: 'SESSION_DAYS must be at most 366' }))
    .default(14),
  DEMO_DATA: z.enum(['0', '1'], { error: 'DEMO_DATA must be 0 or 1' }).default('1'),
  LOG_LEVEL: z.enum(logLevels, { error: `LOG_LEVEL must be one of ${logLevels.join(', ')}` }).default('info'),
  TRUST_PROXY: z
    .string()
    .transform((value, context) => {
      const trust = parseTrustProxy(value);
      if (typeof trust === 'object') context.addIssue({ code: 'custom', message: trust.problem });
      return typeof trust === 'object' ? false : trust;
    })
    .default(false),
});

const TRUST_PROXY_RULE =
  'TRUST_PROXY must be true, false, or a comma list of proxy addresses or CIDRs (e.g. 10.0.0.1,192.168.0.0/16)';
// Fastify 5 ignores a numeric trustProxy (it would trust nobody, silently), because a hop count
// cannot check who the nearest hop is: a client reaching the server directly could forge the
// header. So a count is refused with the way out rather than quietly doing nothing.
const TRUST_PROXY_HOPS =
  "TRUST_PROXY hop counts are not supported (a client reaching the server directly could forge X-Forwarded-For): give the proxy's addresses or CIDRs, or true";
/** proxy-addr's names for address ranges, accepted by Fastify's trustProxy list. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Unset means false: X-Forwarded-* are then ignored, as anyone can send them. `true` trusts
 * every hop (only when nothing but the proxy can reach the server); better the proxy's
 * addresses. A value that is none of these gives the one-line problem to report.
 */
export function parseTrustProxy(value: string): TrustProxy | { problem: string } {
  const text = value.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^\d+$/.test(text)) return { problem: TRUST_PROXY_HOPS };
  const entries = text.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrRange) ? entries.join(',') : { problem: TRUST_PROXY_RULE };
}

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/** Reads the server's settings from environment variables, with defaults for running on a laptop. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  // An empty variable (`PORT= npm start`) means "not set", as shells and .env files intend.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    // Messages name the variable and the rule but never echo the value: DATABASE_URL holds a password.
    const problems = parsed.error.issues.map((issue) => issue.message);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  if (vars.DATABASE_MIGRATION_URL !== undefined && vars.DATABASE_URL === undefined) {
    throw new ConfigError('Invalid environment: DATABASE_MIGRATION_URL needs DATABASE_URL too (the server runs as that user; the embedded database has no users)');
  }
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: resolve(vars.DATA_DIR),
    databaseUrl: vars.DATABASE_URL,
    databaseMigrationUrl: vars.DATABASE_MIGRATION_URL,
    staticDir: resolve(vars.STATIC_DIR),
    logLevel: vars.LOG_LEVEL,
    sessionDays: vars.SESSION_DAYS,
    demoData: vars.DEMO_DATA === '1',
    trustProxy: vars.TRUST_PROXY,
  };
}
