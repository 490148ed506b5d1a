import { describe, expect, it } from 'vitest';
import { IMMUTABLE, NO_CACHE, SHORT, cacheControlFor } from './cache-policy.ts';

describe('how long each file of the built app may be cached', () => {
  it.each(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest', 'offline.html'])(
    '%s is revalidated every time, so a new release reaches devices',
    (path) => expect(cacheControlFor(path)).toBe(NO_CACHE),
  );

  it.each(['assets/index-BvR5f2kq.js', 'assets/index-D-1a_xYz.css', 'assets/index-abc123.js', 'workbox-5ffe50d4.js'])(
    '%s has a content hash in its name, so it is immutable',
    (path) => expect(cacheControlFor(path)).toBe(IMMUTABLE),
  );

  it.each(['icon-192.png', 'favicon.ico', 'assets/my-component.js', 'assets/logo.svg', 'workbox-sw.js'])(
    '%s has no hash, so it is kept only for an hour',
    (path) => expect(cacheControlFor(path)).toBe(SHORT),
  );
});
