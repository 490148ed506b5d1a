import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('server configuration from the environment', () => {
  it('runs on a laptop with no variables set: port 8080, PGlite in ./data, the app from ./dist', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: resolve('data'),
      databaseUrl: undefined,
      staticDir: resolve('dist'),
      logLevel: 'info',
      sessionDays: 14,
      demoData: true,
      trustProxy: false,
    });
  });

  it('takes every variable when set', () => {
    const config = loadConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/doorstep',
      DATABASE_URL: 'postgres://doorstep:secret@db:5432/doorstep',
      STATIC_DIR: '/srv/doorstep',
      LOG_LEVEL: 'warn',
      SESSION_DAYS: '7',
      DEMO_DATA: '0',
      TRUST_PROXY: '10.0.0.1, 192.168.0.0/16',
    });

    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/var/lib/doorstep',
      databaseUrl: 'postgres://doorstep:secret@db:5432/doorstep',
      staticDir: '/srv/doorstep',
      logLevel: 'warn',
      sessionDays: 7,
      demoData: false,
      trustProxy: '10.0.0.1,192.168.0.0/16',
    });
  });

  it('treats an empty variable as not set', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 8080, databaseUrl: undefined });
  });

  it.each(['abc', '80.5', '-1', '70000'])('rejects PORT=%s with a one-line message', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(
      new ConfigError('Invalid environment: PORT must be a whole number from 0 to 65535'),
    );
  });

  it('rejects a DATABASE_URL that is not PostgreSQL without repeating it, since it may hold a password', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/doorstep' });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow('DATABASE_URL must start with postgres:// or postgresql://');
    expect(attempt).not.toThrow(/hunter2/);
  });

  it.each(['0', 'two', '-3', '400'])('rejects SESSION_DAYS=%s', (days) => {
    expect(() => loadConfig({ SESSION_DAYS: days })).toThrow(/SESSION_DAYS must be/);
  });

  it.each([
    ['true', true],
    ['FALSE', false],
    ['127.0.0.1', '127.0.0.1'],
    ['loopback,fd00::/8', 'loopback,fd00::/8'],
  ] as const)('reads TRUST_PROXY=%s as Fastify trustProxy %s', (value, trust) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(trust);
  });

  it.each(['yes', '10.0.0.300', '10.0.0.0/33', 'proxy.internal', '10.0.0.1,'])('rejects TRUST_PROXY=%s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^Invalid environment: TRUST_PROXY must be true, false, or a comma list/);
  });

  it('refuses a TRUST_PROXY hop count, which Fastify would silently ignore, and says what to give instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY hop counts are not supported .* give the proxy's addresses/);
  });

  it('takes DATABASE_MIGRATION_URL (the tables\' owner) beside DATABASE_URL, and refuses it alone, without echoing it', () => {
    const urls = { DATABASE_URL: 'postgres://doorstep_app:s1@db/doorstep', DATABASE_MIGRATION_URL: 'postgres://doorstep_owner:s2@db/doorstep' };
    expect(loadConfig(urls)).toMatchObject({ databaseUrl: urls.DATABASE_URL, databaseMigrationUrl: urls.DATABASE_MIGRATION_URL });
    expect(loadConfig({}).databaseMigrationUrl).toBeUndefined();
    const alone = () => loadConfig({ DATABASE_MIGRATION_URL: urls.DATABASE_MIGRATION_URL });
    expect(alone).toThrow(/^Invalid environment: DATABASE_MIGRATION_URL needs DATABASE_URL too/);
    expect(alone).not.toThrow(/s2/);
    expect(() => loadConfig({ ...urls, DATABASE_MIGRATION_URL: 'mysql://x:s2@db' })).toThrow(/DATABASE_MIGRATION_URL must start with postgres:\/\//);
  });

  it('lists every problem on the one line', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(
      /^Invalid environment: PORT must be .*; LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent$/,
    );
  });
});
