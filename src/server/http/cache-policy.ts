/**
 * How long browsers and proxies may keep each file of the built PWA. Getting this wrong
 * strands devices on an old app: the service worker and the HTML that names the current
 * bundles must always be revalidated, while content-hashed bundles never change.
 */
export const NO_CACHE = 'no-cache';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=3600';

/** Files whose name stays the same from one build to the next while their content changes. */
const alwaysRevalidated = new Set(['index.html', 'sw.js', 'registerSW.js', 'manifest.webmanifest']);

/** `relativePath` is the file's path inside the static folder, with / separators. */
export function cacheControlFor(relativePath: string): string {
  if (alwaysRevalidated.has(relativePath) || relativePath.endsWith('.html')) return NO_CACHE;
  // vite-plugin-pwa names the Workbox runtime workbox-<hex hash>.js, and sw.js (no-cache) names it.
  if (/^workbox-[0-9a-f]{8,}\.js$/.test(relativePath)) return IMMUTABLE;
  if (relativePath.startsWith('assets/') && hasContentHash(relativePath)) return IMMUTABLE;
  return SHORT;
}

/**
 * Vite names bundles <name>-<hash>.<ext>, the hash being base64url characters. A plain word
 * like "-component" is not a hash, so a hash must hold a digit or a capital; a real hash
 * without one (rare) just gets the short max-age, which is safe, where the reverse is not.
 */
function hasContentHash(path: string): boolean {
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const match = /-([A-Za-z0-9_-]{6,})(\.[A-Za-z0-9]+)+$/.exec(fileName);
  return match !== null && /[0-9A-Z]/.test(match[1]!);
}
