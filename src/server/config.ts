import { resolve } from 'node:path';
import { z } from 'zod';

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute. PGlite keeps its database in <dataDir>/pglite. */
  dataDir: string;
  /** PostgreSQL when set; embedded PGlite otherwise. Never log it: it may hold a password. */
  databaseUrl: string | undefined;
  /** Absolute. The built PWA (`npm run build` writes it to ./dist). */
  staticDir: string;
  logLevel: LogLevel;
  /** How long a session lasts after sign-in. */
  sessionDays: number;
  /** Seed the demo team and accounts into an empty database (DEMO_DATA=0 turns it off). */
  demoData: boolean;
}

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
  STATIC_DIR: z.string().default('./dist'),
  SESSION_DAYS: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: 'SESSION_DAYS must be a number of days above 0' })
    .transform(Number)
    .pipe(z.number().gt(0, { error: 'SESSION_DAYS must be a number of days above 0' }).max(366, { error: 'SESSION_DAYS must be at most 366' }))
    .default(14),
  DEMO_DATA: z.enum(['0', '1'], { error: 'DEMO_DATA must be 0 or 1' }).default('1'),
  LOG_LEVEL: z.enum(logLevels, { error: `LOG_LEVEL must be one of ${logLevels.join(', ')}` }).default('info'),
});

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
  return {
    port: vars.PORT,
    host: vars.HOST,
    dataDir: resolve(vars.DATA_DIR),
    databaseUrl: vars.DATABASE_URL,
    staticDir: resolve(vars.STATIC_DIR),
    logLevel: vars.LOG_LEVEL,
    sessionDays: vars.SESSION_DAYS,
    demoData: vars.DEMO_DATA === '1',
  };
}
