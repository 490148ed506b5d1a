// Before anything that builds a zod schema: see the file.
import './zod-without-eval';
import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { registerServiceWorker } from './device/pwa/register-service-worker';
import { requestPersistentStorageOnce } from './device/pwa/storage';

void requestPersistentStorageOnce();
// Only a production build has a service worker (vite-plugin-pwa's devOptions are off).
if (import.meta.env.PROD) registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
