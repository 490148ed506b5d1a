import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/sync/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a reply body is JSON each test reads as it expects
export interface HttpReply<Body = any> {
  status: number;
  headers: Headers;
  body: Body;
}

/** A device talking to the server over real HTTP, keeping its session cookie like a browser. */
export class TestClient {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<HttpReply> {
    const reply = await this.request('POST', '/api/auth/sign-in', { email, password });
    if (reply.status !== 200) throw new Error(`sign-in as ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);

  async request(method: string, path: string, body?: unknown, init: { csrf?: boolean; raw?: Uint8Array } = {}): Promise<HttpReply> {
    const headers: Record<string, string> = {};
    if (init.csrf !== false && method !== 'GET') headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
    if (this.cookie) headers.cookie = this.cookie;
    let payload: BodyInit | undefined;
    if (init.raw) {
      headers['content-type'] = 'application/octet-stream';
      payload = init.raw as unknown as BodyInit;
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body: parsed };
  }
}
