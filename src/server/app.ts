import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';
import { accountsPlugin } from './accounts/accounts-plugin.ts';
import { installRoleGuard } from './accounts/role-guard.ts';
import { auditPlugin } from './audit/audit-plugin.ts';
import { blobsPlugin } from './blobs/blobs-plugin.ts';
import { healthPlugin } from './health/health-plugin.ts';
import { keyEscrowPlugin } from './key-escrow/key-escrow-plugin.ts';
import { installCsrfGuard } from './http/csrf-guard.ts';
import { installErrorReplies, sendNotFound } from './http/error-replies.ts';
import { loggerOptions } from './http/logging.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { staticPlugin } from './http/static-files.ts';
import type { Storage } from './storage/storage.ts';
import type { TrustProxy } from './config.ts';
import { syncPlugin } from './sync/sync-plugin.ts';
import { teamPlugin } from './team/team-plugin.ts';
import { serverVersion } from './version.ts';

export interface ServerOptions {
  /** Already migrated; the caller opens and closes it. */
  storage: Storage;
  /** The built PWA. Without one (or without its index.html) only the API is served. */
  staticDir?: string;
  /** false for silence, true for info to stdout, or pino options (level, stream…). */
  logger?: boolean | (LoggerOptions & { stream?: DestinationStream });
  version?: string;
  /** How long a session lasts after sign-in (SESSION_DAYS); 14 by default. */
  sessionDays?: number;
  /** Fastify's trustProxy (TRUST_PROXY): decides request.ip and request.protocol. false by default. */
  trustProxy?: TrustProxy;
}

/** The whole server, registered but not listening: main.ts listens, tests listen on port 0. */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(options.logger === true ? {} : options.logger),
    // A random id per request ties its log lines together across instances behind a load balancer.
    genReqId: () => randomUUID(),
    // Behind a TLS proxy: the client's address (sign-in limits) and https (Secure cookie) come
    // from X-Forwarded-For/-Proto, believed only for the hops TRUST_PROXY names.
    trustProxy: options.trustProxy ?? false,
  });

  // First: Fastify queues every later addHook after this plugin, so even a reply that a
  // later hook cuts short (a CSRF 403, a 401) carries the CSP and the other headers.
  installSecurityHeaders(app);

  // Handed back so a user's report ("it failed at 10:02") can be matched to the log.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorReplies(app);
  installCsrfGuard(app);
  // Before the concerns register: every /api route must say who may call it (config.roles or
  // config.public), and this root-level guard is the one place that checks it.
  installRoleGuard(app, options.storage);
  app.register(healthPlugin, { storage: options.storage, version: options.version ?? serverVersion });
  app.register(accountsPlugin, { storage: options.storage, sessionDays: options.sessionDays ?? 14 });
  app.register(syncPlugin, { storage: options.storage });
  app.register(blobsPlugin, { storage: options.storage });
  app.register(auditPlugin, { storage: options.storage });
  app.register(teamPlugin, { storage: options.storage });
  app.register(keyEscrowPlugin, { storage: options.storage });

  const staticDir = options.staticDir === undefined ? undefined : resolve(options.staticDir);
  // Fastify takes one not-found handler for "/": the static plugin's, which also serves deep
  // links, or else the plain JSON one.
  if (staticDir !== undefined && existsSync(join(staticDir, 'index.html'))) {
    app.register(staticPlugin, { root: staticDir });
  } else {
    if (staticDir !== undefined) {
      app.log.warn(`No built app in ${staticDir} (index.html missing): serving the API only. Run \`npm run build\`.`);
    }
    app.setNotFoundHandler((_request, reply) => sendNotFound(reply));
  }

  return app;
}
