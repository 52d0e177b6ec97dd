import fastifySensible from '@fastify/sensible';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db/open-db.js';
import { createStore, type Store } from './db/store.js';
import { registerErrorHandler } from './error-handler.js';
import { schedulePlugin } from './jobs/schedule.js';
import { assessmentRoutes } from './routes/assessment.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { healthRoutes } from './routes/health.js';
import { observationRoutes } from './routes/observations.js';
import { overviewRoutes } from './routes/overview.js';
import { seriesRoutes } from './routes/series.js';
import { sourceRoutes } from './routes/sources.js';
import { warningRoutes } from './routes/warnings.js';
import type { ErrorBody } from './schemas/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** The current time; tests pass a fixed clock. */
    clock: () => Date;
  }
}

export interface AppOptions {
  db: Db;
  /** Show demonstration observations (WATCHFLOOR_DEMO). */
  includeDemo: boolean;
  /** The built SPA; not served when absent (API-only tests). */
  staticDir?: string;
  clock?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Scheduled jobs run only in the server process, not in API tests. */
  schedule?: { warningsCron: string; timezone: string };
}

/** JSON bodies above this are refused with 413: the longest valid observation is far smaller. */
export const BODY_LIMIT = 64 * 1024;

/** Builds the whole application without listening, so tests drive it through real HTTP. */
export async function buildApp(options: AppOptions) {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: anything else is refused with 415 instead of reaching validation.
  app.removeContentTypeParser(['text/plain']);
  app.decorate('store', createStore(options.db, { includeDemo: options.includeDemo }));
  app.decorate('clock', options.clock ?? (() => new Date()));
  await app.register(fastifySensible);
  registerErrorHandler(app);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(overviewRoutes);
      await api.register(catalogueRoutes);
      await api.register(observationRoutes);
      await api.register(seriesRoutes);
      await api.register(assessmentRoutes);
      await api.register(warningRoutes);
      await api.register(sourceRoutes);
    },
    { prefix: '/api' }
  );

  if (options.schedule) await app.register(schedulePlugin, options.schedule);

  const spa = options.staticDir && existsSync(join(options.staticDir, 'index.html')) ? options.staticDir : null;
  if (spa) await app.register(fastifyStatic, { root: spa, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/api';
    // Client-side routes (/indicators/x, …) all answer with the SPA's shell.
    if (spa && isPage) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ message: `${request.method} ${request.url.split('?')[0]} does not exist` } satisfies ErrorBody);
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
