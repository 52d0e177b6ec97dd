import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { whoOf } from '../auth/auth-plugin.js';
import { ErrorBody, Warning, WarningList, WarningsQuery } from '../schemas/index.js';

export const warningRoutes: FastifyPluginAsyncZod = async (app) => {
  const { warnings } = app.store;

  app.get('/warnings', { schema: { querystring: WarningsQuery, response: { 200: WarningList, 400: ErrorBody } } }, async (req) =>
    warnings.list(req.query)
  );

  app.post(
    '/warnings/:id/acknowledge',
    {
      config: { roles: ['manager', 'admin'] },
      schema: { params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: Warning, 404: ErrorBody } }
    },
    async (req) => warnings.acknowledge(req.params.id, whoOf(req))
  );
};
