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
import { writeCsv, type CsvColumn } from '../csv/write-csv.js';
import {
  AuditEntry,
  AuditQuery,
  CatalogueExport,
  ErrorBody,
  ObservationExportQuery,
  ObservationList,
  type Role,
  ScenarioExport,
  ScenarioExportQuery,
  SeriesExport,
  SeriesExportQuery
} from '../schemas/index.js';
import { csvResponse } from '../schemas/text-responses.js';
import { exportCatalogue, exportObservations, exportScenarios, exportSeries } from '../services/export.js';

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/** An export is a whole trail, not a page of it. */
const AuditExportQuery = AuditQuery.extend({ limit: z.coerce.number().int().min(1).max(1_000_000).default(1_000_000) });

/** Downloads, named for what and when: `watchfloor-observations-2024-02-01.csv`. */
function download(reply: FastifyReply, name: string, type: 'csv' | 'json') {
  const day = reply.server.clock().toISOString().slice(0, 10);
  return reply
    .type(type === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="watchfloor-${name}-${day}.${type}"`);
}

/** One export as a pair of downloads, CSV and JSON, from the same query and the same read. */
interface ExportPair<Q extends z.ZodType, Data, Row> {
  /** The file's name: `/export/<name>.csv`, `watchfloor-<name>-<day>.csv`. */
  name: string;
  query: Q;
  roles?: readonly Role[];
  /** What one CSV row is, for the API documentation. */
  csvRows: string;
  json: z.ZodType;
  read: (query: z.infer<Q>) => Data;
  columns: readonly CsvColumn<Row>[];
  toRows: (data: Data) => Iterable<Row>;
}

function registerExportPair<Q extends z.ZodType, Data, Row>(app: ZodApp, pair: ExportPair<Q, Data, Row>) {
  const { name, query, read } = pair;
  const config: { roles?: readonly Role[] } = pair.roles ? { roles: pair.roles } : {};
  const schema = (body: z.ZodType | ReturnType<typeof csvResponse>) => ({
    querystring: query,
    response: { 200: body, 400: ErrorBody }
  });
  app.get(`/export/${name}.csv`, { config, schema: schema(csvResponse(pair.csvRows)) }, async (req, reply) =>
    download(reply, name, 'csv').send(writeCsv(pair.columns, pair.toRows(read(req.query as z.infer<Q>))))
  );
  app.get(`/export/${name}.json`, { config, schema: schema(pair.json) }, async (req, reply) =>
    download(reply, name, 'json').send(read(req.query as z.infer<Q>))
  );
}

/** Data out: observations, series, scenario probabilities, the audit trail and the catalogue, as CSV (through writeCsv) or JSON. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  const today = () => app.clock().toISOString().slice(0, 10);
  const asIs = <T>(rows: T[]) => rows;

  registerExportPair(app, {
    name: 'observations',
    query: ObservationExportQuery,
    csvRows: 'observations, header first',
    json: ObservationList,
    read: (q) => exportObservations(store, q),
    columns: OBSERVATION_COLUMNS,
    toRows: asIs
  });
  registerExportPair(app, {
    name: 'series',
    query: SeriesExportQuery,
    csvRows: 'one row per series and period',
    json: SeriesExport,
    read: (q) => exportSeries(store, today(), q),
    columns: SERIES_COLUMNS,
    toRows: (s) => seriesRows(s.series, s.period)
  });
  registerExportPair(app, {
    name: 'scenarios',
    query: ScenarioExportQuery,
    csvRows: 'one row per period and scenario',
    json: ScenarioExport,
    read: (q) => exportScenarios(store, today(), q),
    columns: SCENARIO_COLUMNS,
    toRows: scenarioRows
  });
  registerExportPair(app, {
    name: 'audit',
    query: AuditExportQuery,
    roles: ['admin'],
    csvRows: 'the audit trail',
    json: z.array(AuditEntry),
    read: (q) => store.audit.list(q),
    columns: AUDIT_COLUMNS,
    toRows: asIs
  });

  app.get('/export/catalogue.json', { schema: { response: { 200: CatalogueExport } } }, async (_req, reply) =>
    download(reply, 'catalogue', 'json').send(exportCatalogue(store, app.clock()))
  );
};
