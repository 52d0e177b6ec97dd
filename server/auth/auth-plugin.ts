import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../actor.js';
import type { ActiveSession, SessionPolicy } from '../db/session-repository.js';
import type { ErrorBody, Role } from '../schemas/index.js';
import { isDemoAccount } from './demo-accounts.js';

export const SESSION_COOKIE = 'wf_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answered without a session (health, login, the SPA's files). Absent: a session is needed. */
    public?: boolean;
    /** Roles allowed; absent means every signed-in role. */
    roles?: readonly Role[];
  }
  interface FastifyRequest {
    session: ActiveSession | null;
  }
  interface FastifyInstance {
    sessionPolicy: SessionPolicy;
    /** Every route of the app (API or not) with who may call it: the security tests walk this list. */
    apiRoutes: ApiRouteAccess[];
  }
}

export interface AuthOptions {
  sessions: SessionPolicy;
  /** WATCHFLOOR_DEMO: with demonstration data off, the demonstration accounts cannot act. */
  demo: boolean;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface ApiRouteAccess {
  method: string;
  url: string;
  public: boolean;
  roles: readonly Role[] | null;
  /** The statuses whose answer the route declares (`schema.response`): every API route declares some. */
  responses: string[];
}

const deny = (reply: FastifyReply, status: 401 | 403, message: string) =>
  reply.code(status).send({ message } satisfies ErrorBody);

/**
 * Deny by default. Access is decided from the route the router matched (its declared `config`),
 * never from the URL string: the router decodes `%61pi` to `api`, a string check does not.
 * Every matched route needs a live session unless it declares `public: true`; its `roles` limit
 * who may call it; every state-changing request must echo the session's CSRF token in
 * `x-csrf-token`. An unmatched request reaches only the not-found handler, which reads nothing.
 */
export const authPlugin = fp(async (app: FastifyInstance, options: AuthOptions) => {
  const policy = options.sessions;
  await app.register(fastifyCookie);
  app.decorate('sessionPolicy', policy);
  app.decorateRequest('session', null);
  app.decorate('apiRoutes', [] as ApiRouteAccess[]);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      // Read when asked: a plugin's own onRoute hook (the SPA's files) may still declare the route public.
      app.apiRoutes.push({
        method,
        url: route.url,
        get public() {
          return route.config?.public === true;
        },
        get roles() {
          return route.config?.roles ?? null;
        },
        responses: Object.keys((route.schema?.response as object | undefined) ?? {})
      });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // No matched route: the not-found handler answers (404 or the SPA's shell) and touches no data.
    if (request.routeOptions.url === undefined) return;
    const config = request.routeOptions.config;
    if (config?.public === true) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? app.store.sessions.resume(token, app.clock(), policy) : null;
    if (!session || (!options.demo && isDemoAccount(session.username)))
      return deny(reply, 401, 'sign in first: no valid session');
    request.session = session;
    const roles = config?.roles;
    if (roles && !roles.includes(session.role)) {
      const needed = roles.map((r) => r.replace('_', ' ')).join(' or ');
      return deny(reply, 403, `a ${session.role.replace('_', ' ')} may not do this: it needs the role ${needed}`);
    }
    if (
      !SAFE_METHODS.has(request.method) &&
      !sameToken(request.headers['x-csrf-token'] as string | undefined, session.csrfToken)
    ) {
      return deny(reply, 403, 'missing or wrong x-csrf-token header');
    }
  });
});

/** The acting person, and the time, for audit rows and stored records. */
export function actorOf(request: FastifyRequest): Actor {
  const now = request.server.clock();
  return request.session
    ? { now, actor: request.session.username, userId: request.session.userId }
    : { now, actor: 'anonymous', userId: null };
}
