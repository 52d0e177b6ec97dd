import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-plugin.js';
import {
  ErrorBody,
  SourceCreate,
  SourceDetail,
  SourceGradeInput,
  SourceIdParams,
  SourceList,
  SourceUpdate
} from '../schemas/index.js';

/** Sources of reporting, with their reliability grade history. */
export const sourceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sources } = app.store;
  const writers = { roles: ['watch_officer', 'admin'] as const };
  const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/sources', { schema: { response: { 200: SourceList } } }, async () => sources.list());

  app.get(
    '/sources/:id',
    { schema: { params: SourceIdParams, response: { 200: SourceDetail, ...errors } } },
    async (req) => sources.mustGet(req.params.id)
  );

  app.post(
    '/sources',
    { config: writers, schema: { body: SourceCreate, response: { 201: SourceDetail, ...errors } } },
    async (req, reply) => reply.code(201).send(sources.create(req.body, actorOf(req)))
  );

  app.patch(
    '/sources/:id',
    {
      config: writers,
      schema: { params: SourceIdParams, body: SourceUpdate, response: { 200: SourceDetail, ...errors } }
    },
    async (req) => sources.update(req.params.id, req.body, actorOf(req))
  );

  app.post(
    '/sources/:id/grades',
    {
      config: writers,
      schema: { params: SourceIdParams, body: SourceGradeInput, response: { 201: SourceDetail, ...errors } }
    },
    async (req, reply) => reply.code(201).send(sources.grade(req.params.id, req.body, actorOf(req)))
  );

  app.delete(
    '/sources/:id',
    { config: writers, schema: { params: SourceIdParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      sources.remove(req.params.id, actorOf(req));
      return reply.code(204).send(null);
    }
  );
};
