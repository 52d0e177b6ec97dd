import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-plugin.js';
import {
  ErrorBody,
  ImportQuery,
  ImportRefused,
  ImportReport,
  type ImportRefused as Refused
} from '../schemas/index.js';
import { importAndEvaluate } from '../services/import-observations.js';
import { readImportBody } from '../services/read-import-file.js';

/** Import files may be far larger than any form: 50 MB (about 300,000 rows), for this route only. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const refusal = (report: ImportReport): Refused => {
  const issues = report.rejected.map((r) => ({
    path: r.field ? `line ${r.line}: ${r.field}` : `line ${r.line}`,
    message: r.message
  }));
  const message = `${report.rejected.length} problem(s) in the file; nothing was imported`;
  return { ...report, message, issues };
};

/** Many observations at once from a CSV or JSON file: checked row by row, written all or nothing. */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // CSV reaches the handler as a stream, parsed as it arrives; only this plugin accepts text/csv.
  app.addContentTypeParser('text/csv', (_req, payload, done) => done(null, payload));

  app.post(
    '/import/observations',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { roles: ['watch_officer', 'admin'] },
      schema: {
        querystring: ImportQuery,
        body: z.unknown(),
        response: {
          200: ImportReport,
          201: ImportReport,
          400: ImportRefused.or(ErrorBody),
          413: ErrorBody,
          415: ErrorBody
        }
      }
    },
    async (req, reply) => {
      const dryRun = req.query.dryRun === 'true';
      const file = await readImportBody(req.body, req.headers['content-type'], IMPORT_BODY_LIMIT);
      const { report, warningsError } = importAndEvaluate(app.store, file, { dryRun, ...actorOf(req) });
      if (warningsError) req.log.error({ err: warningsError }, 'warnings evaluation after an import failed');
      if (report.rejected.length && !dryRun) return reply.code(400).send(refusal(report));
      return reply.code(dryRun ? 200 : 201).send(report);
    }
  );
};
