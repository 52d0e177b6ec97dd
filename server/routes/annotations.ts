import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-plugin.js';
import {
  Annotation,
  AnnotationInput,
  AnnotationList,
  AnnotationQuery,
  AnnotationRetire,
  ErrorBody
} from '../schemas/index.js';
import { correctAnnotation, createAnnotation, listAnnotations, retireAnnotation } from '../services/annotations.js';

const AnnotationId = z.object({
  id: z.coerce.number({ error: 'must be an annotation id' }).int().positive('must be an annotation id')
});
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Notes on the charts. Officers add, correct and retire them; everyone reads them. */
export const annotationRoutes: FastifyPluginAsyncZod = async (app) => {
  const recorders = { roles: ['watch_officer', 'admin'] as const };

  app.get(
    '/annotations',
    { schema: { querystring: AnnotationQuery, response: { 200: AnnotationList, 400: ErrorBody } } },
    async (req) => listAnnotations(app.store, req.query)
  );

  app.post(
    '/annotations',
    { config: recorders, schema: { body: AnnotationInput, response: { 201: Annotation, ...errors } } },
    async (req, reply) => reply.code(201).send(createAnnotation(app.store, req.body, actorOf(req)))
  );

  app.post(
    '/annotations/:id/correct',
    {
      config: recorders,
      schema: { params: AnnotationId, body: AnnotationInput, response: { 201: Annotation, ...errors } }
    },
    async (req, reply) => reply.code(201).send(correctAnnotation(app.store, req.params.id, req.body, actorOf(req)))
  );

  app.post(
    '/annotations/:id/retire',
    {
      config: recorders,
      schema: { params: AnnotationId, body: AnnotationRetire, response: { 200: Annotation, ...errors } }
    },
    async (req) => retireAnnotation(app.store, req.params.id, req.body.reason, actorOf(req))
  );
};
