import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-plugin.js';
import {
  AcknowledgeBody,
  BulkAcknowledgeBody,
  BulkAcknowledgeResult,
  ErrorBody,
  Warning,
  WarningList,
  WarningsQuery
} from '../schemas/index.js';

export const warningRoutes: FastifyPluginAsyncZod = async (app) => {
  const { warnings } = app.store;

  app.get(
    '/warnings',
    { schema: { querystring: WarningsQuery, response: { 200: WarningList, 400: ErrorBody } } },
    async (req) => warnings.list(req.query)
  );

  app.post(
    '/warnings/:id/acknowledge',
    {
      config: { roles: ['manager', 'admin'] },
      schema: {
        params: z.object({ id: z.coerce.number().int().positive() }),
        // The note is optional here so older clients keep working; the page always asks for one.
        body: AcknowledgeBody.nullish(),
        response: { 200: Warning, 400: ErrorBody, 404: ErrorBody }
      }
    },
    async (req) => warnings.acknowledge(req.params.id, { ...actorOf(req), note: req.body?.note })
  );

  app.post(
    '/warnings/acknowledge',
    {
      config: { roles: ['manager', 'admin'] },
      schema: { body: BulkAcknowledgeBody, response: { 200: BulkAcknowledgeResult, 400: ErrorBody, 404: ErrorBody } }
    },
    async (req) => warnings.acknowledgeMany([...new Set(req.body.ids)], { ...actorOf(req), note: req.body.note })
  );
};
