import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../auth/auth-plugin.js';

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0];

/**
 * The OpenAPI document, generated from each route's zod schemas as routes register, with who may
 * call each route: public ones need no session, a route with roles names them.
 */
function transform(args: TransformArgs) {
  const { schema, url } = jsonSchemaTransform(args);
  const config = args.route.config as { public?: boolean; roles?: readonly string[] } | undefined;
  const tag = args.url.replace(/^\/api\//, '').split(/[/.?]/)[0];
  const out: Record<string, unknown> = { ...schema, tags: [tag] };
  if (config?.public) out.security = [];
  if (config?.roles)
    out.description = [schema.description, `Roles: ${config.roles.join(', ')}.`].filter(Boolean).join(' ');
  return { schema: out as typeof schema, url };
}

/**
 * `/api/docs/json` (the document) and `/api/docs` (a reference UI), behind sign-in like every
 * /api route. Registered before the routes, whose schemas @fastify/swagger collects.
 */
export async function registerApiDocs(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Watchfloor API',
        version: '1',
        description:
          'Indicators and warnings. Sign in with POST /api/auth/login; send the CSRF token of GET /api/auth/me in x-csrf-token on every state-changing request.'
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' }
        }
      },
      security: [{ session: [] }]
    },
    transform
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // No badge fetched from validator.swagger.io: the page talks to this server only.
    uiConfig: { validatorUrl: null, docExpansion: 'list', deepLinking: false },
    // Swagger UI adds a <style> element as it renders. On its own pages only, styles (never
    // scripts) may be inline; the SPA's policy stays as strict as before.
    transformStaticCSP: (header: string) => header.replace(/style-src ([^;]*)/, "style-src $1 'unsafe-inline'")
  });
}
