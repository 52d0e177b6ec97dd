import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUDIT_COLUMNS } from '../csv/export-columns.js';
import { writeCsv } from '../csv/write-csv.js';
import { AuditEntry, AuditQuery, ErrorBody } from '../schemas/index.js';
import { csvResponse } from '../schemas/text-responses.js';

/** The audit trail, for administrators: filtered listing and CSV export. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { audit } = app.store;
  const admins = { roles: ['admin'] as const };

  app.get(
    '/audit',
    { config: admins, schema: { querystring: AuditQuery, response: { 200: z.array(AuditEntry), 400: ErrorBody } } },
    async (req) => audit.list(req.query)
  );

  app.get(
    '/audit.csv',
    {
      config: admins,
      schema: { querystring: AuditQuery, response: { 200: csvResponse('the audit trail'), 400: ErrorBody } }
    },
    async (req, reply) => {
      const rows = audit.list({ ...req.query, limit: 100_000 });
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="watchfloor-audit-${app.clock().toISOString().slice(0, 10)}.csv"`
        )
        .send(writeCsv(AUDIT_COLUMNS, rows));
    }
  );
};
