import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AUDIT_COLUMNS,
  OBSERVATION_COLUMNS,
  SCENARIO_COLUMNS,
  SERIES_COLUMNS,
  scenarioRows,
  seriesRows
} from '../csv/export-columns.js';
import { writeCsv } from '../csv/write-csv.js';
import {
  AuditEntry,
  AuditQuery,
  CatalogueExport,
  ErrorBody,
  ObservationExportQuery,
  ObservationList,
  ScenarioExport,
  ScenarioExportQuery,
  SeriesExport,
  SeriesExportQuery
} from '../schemas/index.js';
import { csvResponse } from '../schemas/text-responses.js';
import { exportCatalogue, exportObservations, exportScenarios, exportSeries } from '../services/export.js';

/** An export is a whole trail, not a page of it. */
const AuditExportQuery = AuditQuery.extend({ limit: z.coerce.number().int().min(1).max(1_000_000).default(1_000_000) });

/** Downloads, named for what and when: `watchfloor-observations-2024-02-01.csv`. */
function download(reply: FastifyReply, name: string, type: 'csv' | 'json') {
  const day = reply.server.clock().toISOString().slice(0, 10);
  return reply
    .type(type === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="watchfloor-${name}-${day}.${type}"`);
}

/** Data out: observations, series, scenario probabilities, the audit trail and the catalogue, as CSV (through writeCsv) or JSON. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const today = () => app.clock().toISOString().slice(0, 10);
  const admins = { roles: ['admin'] as const };

  const observationsSchema = (body: z.ZodType | ReturnType<typeof csvResponse>) => ({
    querystring: ObservationExportQuery,
    response: { 200: body, 400: ErrorBody }
  });
  app.get(
    '/export/observations.csv',
    { schema: observationsSchema(csvResponse('observations, header first')) },
    async (req, reply) =>
      download(reply, 'observations', 'csv').send(writeCsv(OBSERVATION_COLUMNS, exportObservations(store, req.query)))
  );
  app.get('/export/observations.json', { schema: observationsSchema(ObservationList) }, async (req, reply) =>
    download(reply, 'observations', 'json').send(exportObservations(store, req.query))
  );

  const seriesSchema = (body: z.ZodType | ReturnType<typeof csvResponse>) => ({
    querystring: SeriesExportQuery,
    response: { 200: body, 400: ErrorBody }
  });
  app.get(
    '/export/series.csv',
    { schema: seriesSchema(csvResponse('one row per series and period')) },
    async (req, reply) => {
      const s = exportSeries(store, today(), req.query);
      return download(reply, 'series', 'csv').send(writeCsv(SERIES_COLUMNS, seriesRows(s.series, s.period)));
    }
  );
  app.get('/export/series.json', { schema: seriesSchema(SeriesExport) }, async (req, reply) =>
    download(reply, 'series', 'json').send(exportSeries(store, today(), req.query))
  );

  const scenariosSchema = (body: z.ZodType | ReturnType<typeof csvResponse>) => ({
    querystring: ScenarioExportQuery,
    response: { 200: body, 400: ErrorBody }
  });
  app.get(
    '/export/scenarios.csv',
    { schema: scenariosSchema(csvResponse('one row per period and scenario')) },
    async (req, reply) =>
      download(reply, 'scenarios', 'csv').send(
        writeCsv(SCENARIO_COLUMNS, scenarioRows(exportScenarios(store, today(), req.query)))
      )
  );
  app.get('/export/scenarios.json', { schema: scenariosSchema(ScenarioExport) }, async (req, reply) =>
    download(reply, 'scenarios', 'json').send(exportScenarios(store, today(), req.query))
  );

  const auditSchema = (body: z.ZodType | ReturnType<typeof csvResponse>) => ({
    querystring: AuditExportQuery,
    response: { 200: body, 400: ErrorBody }
  });
  app.get(
    '/export/audit.csv',
    { config: admins, schema: auditSchema(csvResponse('the audit trail')) },
    async (req, reply) => download(reply, 'audit', 'csv').send(writeCsv(AUDIT_COLUMNS, store.audit.list(req.query)))
  );
  app.get('/export/audit.json', { config: admins, schema: auditSchema(z.array(AuditEntry)) }, async (req, reply) =>
    download(reply, 'audit', 'json').send(store.audit.list(req.query))
  );

  app.get('/export/catalogue.json', { schema: { response: { 200: CatalogueExport } } }, async (_req, reply) =>
    download(reply, 'catalogue', 'json').send(exportCatalogue(store, app.clock()))
  );
};
