import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEntry, AuditQuery, ErrorBody } from '../schemas/index.js';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The audit trail, for administrators: filtered listing and CSV export. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { audit } = app.store;
  const admins = { roles: ['admin'] as const };

  app.get('/audit', { config: admins, schema: { querystring: AuditQuery, response: { 200: z.array(AuditEntry), 400: ErrorBody } } }, async (req) =>
    audit.list(req.query)
  );

  app.get('/audit.csv', { config: admins, schema: { querystring: AuditQuery } }, async (req, reply) => {
    const rows = audit.list({ ...req.query, limit: 100_000 });
    const header = ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'];
    const lines = rows.map((r) => [r.id, r.at, r.actor, r.action, r.entity, r.entityId, r.before, r.after].map(csvField).join(','));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="watchfloor-audit-${app.clock().toISOString().slice(0, 10)}.csv"`)
      .send([header.join(','), ...lines].join('\r\n') + '\r\n');
  });
};
