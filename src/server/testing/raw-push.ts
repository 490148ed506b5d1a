import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/sync/index.ts';
import type { TestClient } from './http-client.ts';

/**
 * Pushes JSON text as written, for what JSON.stringify never writes: 1e400, nesting thousands
 * deep, a "__proto__" key, repeated keys. Returns the status and the parsed reply.
 */
export async function pushText(client: TestClient, text: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${client.baseUrl}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, cookie: client.cookie ?? '' },
    body: text,
  });
  return { status: response.status, body: await response.json() };
}
