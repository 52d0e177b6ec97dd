import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { STORAGE_MESSAGES, storageProblem, type StorageState } from './db/storage-errors.js';
import { InputError } from './errors.js';
import type { ErrorBody } from './schemas/index.js';

/** `/source/title` → `source.title`; zod's pointer paths, as the field names a form shows. */
function fieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
}

const summary = (issues: { path: string; message: string }[]) =>
  issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether the last write could be stored: GET /api/health reports it. */
    storage: StorageState;
  }
}

/**
 * One error handler: validation → 400 naming each field, expected failures → their 4xx,
 * a database that cannot take the write (full, read-only, busy) → 503 saying so (the
 * write's transaction rolled back whole), anything else → logged and answered with a generic 500 (no stack traces leave the server).
 */
export function registerErrorHandler(app: FastifyInstance) {
  app.decorate('storage', { problem: null } as StorageState);
  // A write that went through shows the database takes writes again (space freed, permissions fixed).
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && reply.statusCode < 400 && app.storage.problem !== 'busy')
      app.storage.problem = null;
  });
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: fieldPath(v.instancePath),
        message: v.message ?? 'is invalid'
      }));
      const where = err.validationContext ?? 'request';
      return reply.code(400).send({ message: `Invalid ${where}: ${summary(issues)}`, issues } satisfies ErrorBody);
    }
    if (err instanceof InputError) {
      const issues = [{ path: err.path, message: err.message }];
      return reply.code(err.statusCode).send({ message: summary(issues), issues } satisfies ErrorBody);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ message: 'Internal server error' } satisfies ErrorBody);
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large, …
      const aboutBody = err.code?.startsWith('FST_ERR_CTP_');
      const issues = aboutBody ? [{ path: 'body', message: err.message }] : undefined;
      return reply.code(status).send({ message: err.message, issues } satisfies ErrorBody);
    }
    const problem = storageProblem(err);
    if (problem) {
      request.log.error({ err }, `write refused: database ${problem}`);
      if (problem !== 'busy') app.storage.problem = problem;
      return reply
        .code(503)
        .header('retry-after', problem === 'busy' ? '1' : '60')
        .send({ message: STORAGE_MESSAGES[problem] } satisfies ErrorBody);
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ message: 'Internal server error' } satisfies ErrorBody);
  });
}
