import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/storage.ts';
import { healthPlugin } from './health-plugin.ts';

const app = Fastify({ logger: false });

afterEach(async () => {
  await app.close();
});

describe('health check with a database that hangs', () => {
  it('answers 503 once the timeout passes instead of waiting for the database', async () => {
    const hanging = { kind: 'postgres', query: () => new Promise(() => {}) } as unknown as Storage;
    await app.register(healthPlugin, { storage: hanging, version: 'test', timeoutMs: 50 });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });

    const response = await fetch(`${base}/api/health`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'postgres', version: 'test' });
  });
});
