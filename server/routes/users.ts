import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-plugin.js';
import { ErrorBody, PasswordReset, User, UserCreate, UserIdParams, UserUpdate } from '../schemas/index.js';

/** Accounts and roles: administrators only. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users } = app.store;
  const { accounts } = app;
  const admins = { roles: ['admin'] as const };
  const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/users', { config: admins, schema: { response: { 200: z.array(User) } } }, async () => users.list());

  app.post(
    '/users',
    { config: admins, schema: { body: UserCreate, response: { 201: User, ...errors } } },
    async (req, reply) => reply.code(201).send(await accounts.create(req.body, actorOf(req)))
  );

  app.patch(
    '/users/:id',
    { config: admins, schema: { params: UserIdParams, body: UserUpdate, response: { 200: User, ...errors } } },
    async (req) => accounts.update(req.params.id, req.body, actorOf(req))
  );

  app.post(
    '/users/:id/password',
    { config: admins, schema: { params: UserIdParams, body: PasswordReset, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await accounts.resetPassword(req.params.id, req.body.password, actorOf(req));
      return reply.code(204).send(null);
    }
  );
};
