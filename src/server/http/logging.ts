import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';

/**
 * Invariant 5: nothing personal goes into logs. A request is logged as its method and path
 * only: never its body, headers or query string (a query string can carry a name or a
 * search). Fastify adds the request id (reqId) and, on completion, the response time.
 */
export function requestLogSerializers() {
  return {
    req: (request: FastifyRequest) => ({ method: request.method, url: pathOnly(request.url) }),
    res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
    err: serializeErrorForLog,
  };
}

/**
 * Headers are not logged by the serializers above; redaction is the second line of defence
 * for any code that logs a headers object itself.
 */
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'res.headers["set-cookie"]',
  'headers["set-cookie"]',
];

/** Our logger settings laid over the caller's (level, stream…); ours win for what is logged. */
export function loggerOptions(overrides: LoggerOptions & { stream?: DestinationStream } = {}): LoggerOptions {
  return {
    level: 'info',
    ...overrides,
    serializers: requestLogSerializers(),
    redact: { paths: redactedPaths, censor: '[redacted]' },
  };
}

export function pathOnly(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

interface LoggableError {
  name?: unknown;
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  stack?: unknown;
}

/**
 * Keeps what on-call needs (type, code, message, stack) and drops every other property.
 * PostgreSQL errors carry `detail` and `where` that quote the row's values, so the default
 * serializer, which copies all properties, would write record content into the log.
 * Error messages themselves are logged: never put personal data in one.
 */
export function serializeErrorForLog(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { name, code, statusCode, message, stack } = error as LoggableError;
  return { type: name, code, statusCode, message, stack };
}
