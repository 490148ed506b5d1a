import { describe, expect, it } from 'vitest';
import { OfflineError, RequestError, ServerError, SignedOutError } from './errors';
import { createFetchTransport } from './transport';

const SHA = 'a'.repeat(64);

function transportAnswering(answer: () => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const transport = createFetchTransport({
    isOnline: () => true,
    fetch: async (input, init) => {
      requests.push({ url: String(input), init: init ?? {} });
      return answer();
    },
  });
  return { transport, requests };
}

describe('downloading a photo (getBlob)', () => {
  it('GETs /api/blobs/<sha256> without the HTTP cache and gives the bytes and media type', async () => {
    const { transport, requests } = transportAnswering(
      () => new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'Application/Octet-Stream; charset=binary' } }),
    );

    const photo = await transport.getBlob(SHA);

    expect([...new Uint8Array(photo.bytes)]).toEqual([1, 2, 3]);
    expect(photo.mediaType).toBe('application/octet-stream');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(`/api/blobs/${SHA}`);
    expect(requests[0]!.init).toMatchObject({ method: 'GET', cache: 'no-store', credentials: 'same-origin' });
    expect(requests[0]!.init.headers).not.toHaveProperty('x-doorstep');
  });

  it('reports 404, 401 and no network as the engine’s errors', async () => {
    const notFound = transportAnswering(() => Response.json({ error: 'Not found', code: 'not-found' }, { status: 404 }));
    await expect(notFound.transport.getBlob(SHA)).rejects.toMatchObject({ constructor: RequestError, status: 404, code: 'not-found' });

    const signedOut = transportAnswering(() => Response.json({ error: 'Sign in' }, { status: 401 }));
    await expect(signedOut.transport.getBlob(SHA)).rejects.toBeInstanceOf(SignedOutError);

    const offline = transportAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(offline.transport.getBlob(SHA)).rejects.toBeInstanceOf(OfflineError);
  });
});

describe('asking who is in the team (team)', () => {
  const member = { id: '0190a000-0000-7000-8000-000000000002', name: 'Alex Rowntree', role: 'practitioner', lineManagerId: null, startedAt: '2024-03-01T00:00:00.000Z' };

  it('GETs /api/team without the HTTP cache and gives the members', async () => {
    const { transport, requests } = transportAnswering(() => Response.json({ members: [member] }));
    expect(await transport.team!()).toEqual({ members: [member] });
    expect(requests[0]!.url).toBe('/api/team');
    expect(requests[0]!.init).toMatchObject({ method: 'GET', cache: 'no-store', credentials: 'same-origin' });
  });

  it('refuses a reply that is not a team', async () => {
    const { transport } = transportAnswering(() => Response.json({ members: [{ ...member, role: 'boss' }] }));
    await expect(transport.team!()).rejects.toBeInstanceOf(ServerError);
  });
});

describe('reading the audit trail (audit)', () => {
  const event = {
    id: '7',
    at: '2026-03-02T10:00:00.000Z',
    userId: '0190a000-0000-7000-8000-000000000002',
    userName: 'Priya Lowell',
    action: 'read',
    recordId: 'v-1',
    recordType: 'visit',
    childIds: ['c1'],
    blobSha256: null,
  };

  it('GETs /api/audit with only the filters given, without the HTTP cache', async () => {
    const { transport, requests } = transportAnswering(() => Response.json({ events: [event], nextCursor: '7', hasMore: true }));
    expect(await transport.audit!({ childId: 'c 1&x', cursor: '5' })).toEqual({ events: [event], nextCursor: '7', hasMore: true });
    expect(requests[0]!.url).toBe('/api/audit?childId=c+1%26x&cursor=5');
    expect(requests[0]!.init).toMatchObject({ method: 'GET', cache: 'no-store', credentials: 'same-origin' });

    await transport.audit!({ userId: event.userId, limit: 20 });
    expect(requests[1]!.url).toBe(`/api/audit?userId=${event.userId}&limit=20`);
  });

  it('reports 403 as a RequestError and refuses a reply that is not a page of the trail', async () => {
    const forbidden = transportAnswering(() => Response.json({ error: 'Forbidden', code: 'forbidden' }, { status: 403 }));
    await expect(forbidden.transport.audit!({ childId: 'c1' })).rejects.toMatchObject({ constructor: RequestError, status: 403 });

    const odd = transportAnswering(() => Response.json({ events: [{ ...event, action: 'delete' }], nextCursor: '7', hasMore: false }));
    await expect(odd.transport.audit!({ childId: 'c1' })).rejects.toBeInstanceOf(ServerError);
  });
});
