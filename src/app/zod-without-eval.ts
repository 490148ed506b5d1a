import { z } from 'zod';

/**
 * The server's Content-Security-Policy has no 'unsafe-eval' (src/server/http/security-headers.ts).
 * zod would probe `Function('')` for its faster object parser when the first object schema is
 * built; under the CSP that probe is refused and reported as a violation. Switching the
 * compiled parser off means it never tries. Imported first in main.tsx, before any schema.
 */
z.config({ jitless: true });
