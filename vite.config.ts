import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * GOV.UK Frontend's precompiled CSS points at the GDS Transport font and the royal crest.
 * Both are for GOV.UK only ("customised for exclusive use on gov.uk"); Doorstep runs on a
 * local authority's domain, so we drop the @font-face rules (text falls back to Arial, as the
 * Design System's own font stack intends) and the crest, which we never show. We also drop
 * three Internet Explorer 8 `\0` media hacks, which are invalid CSS that Lightning CSS rejects.
 */
function govukFrontendOffGovUk(): Plugin {
  return {
    name: 'doorstep:govuk-frontend-off-gov-uk',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('govuk-frontend') || !id.split('?')[0]!.endsWith('.css')) return null;
      return {
        code: code
          .replace(/@font-face\s*\{[^}]*\}/g, '')
          .replace(/url\(\/assets\/images\/govuk-crest\.svg\)/g, 'none')
          .replace(/@media[^{]*\\0[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, ''),
        map: null,
      };
    },
  };
}

export default defineConfig({
  plugins: [
    govukFrontendOffGovUk(),
    react(),
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the user presses "Update now": never reload under someone
      // who is typing. We register the worker ourselves (src/app/pwa/use-app-update.ts).
      registerType: 'prompt',
      injectRegister: false,
      // globPatterns below already precache everything in public/; listing the icons again
      // would only duplicate precache entries.
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Doorstep',
        short_name: 'Doorstep',
        description:
          "Record visits, direct work and practice observations with children, with or without a signal.",
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d70b8',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,ico,png,svg,woff2,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The prompt flow: the waiting worker activates only when the page asks it to.
        skipWaiting: false,
        clientsClaim: false,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
  },
});
