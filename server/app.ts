import fastifySensible from '@fastify/sensible';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RawServerDefault } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccessLog } from './access-log.js';
import type { Db } from './db/open-db.js';
import { createStore, type Store } from './db/store.js';
import { registerErrorHandler } from './error-handler.js';
import { authPlugin } from './auth/auth-plugin.js';
import { isPagePath } from './auth/page-path.js';
import type { TrustProxy } from './config.js';
import { registerSafeText } from './schemas/safe-text-hook.js';
import type { SessionPolicy } from './db/session-repository.js';
import { schedulePlugin, type ScheduleOptions } from './jobs/schedule.js';
import { annotationRoutes } from './routes/annotations.js';
import { assessmentRoutes } from './routes/assessment.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { briefingRoutes } from './routes/briefing.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { digestRoutes } from './routes/digests.js';
import { registerApiDocs } from './routes/docs.js';
import { exportRoutes } from './routes/export.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/import.js';
import { observationRoutes } from './routes/observations.js';
import { overviewRoutes } from './routes/overview.js';
import { seriesRoutes } from './routes/series.js';
import { sourceRoutes } from './routes/sources.js';
import { userRoutes } from './routes/users.js';
import { warningRoutes } from './routes/warnings.js';
import { demoAccountRoutes } from './routes/demo-accounts.js';
import { registerSecurityHeaders } from './security-headers.js';
import { createAccounts, type Accounts } from './services/accounts.js';
import type { ErrorBody } from './schemas/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** Account management (password policy, hashing, session revocation, audit). */
    accounts: Accounts;
    /** The current time; tests pass a fixed clock. */
    clock: () => Date;
    /** The app's address as readers reach it, for links in mail. */
    publicUrl: string;
    /** WATCHFLOOR_DEMO: demonstration data (and its accounts) in use. */
    includeDemo: boolean;
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
  /** WATCHFLOOR_PUBLIC_URL: where links in mail point. */
  publicUrl?: string;
  /** Session lifetimes (README: configuration). */
  sessions?: SessionPolicy;
  /** Scheduled jobs run only in the server process, not in API tests. */
  schedule?: ScheduleOptions;
  /** WATCHFLOOR_TRUST_PROXY: which proxies' X-Forwarded-* headers to believe (README: Security). */
  trustProxy?: TrustProxy;
}

export const DEFAULT_SESSIONS: SessionPolicy = { idleMinutes: 120, maxHours: 12 };

/** JSON bodies above this are refused with 413: the longest valid observation is far smaller. */
export const BODY_LIMIT = 64 * 1024;

/** Builds the whole application without listening, so tests drive it through real HTTP. */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new AccessLog(),
    bodyLimit: BODY_LIMIT,
    // A hop count believes the N proxies nearest to us (proxy-addr counts hop 0 as the socket's peer).
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false)
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: anything else is refused with 415 instead of reaching validation.
  app.removeContentTypeParser(['text/plain']);
  const store = createStore(options.db, { includeDemo: options.includeDemo });
  app.decorate('store', store);
  app.decorate('accounts', createAccounts(store, { includeDemo: options.includeDemo }));
  app.decorate('clock', options.clock ?? (() => new Date()));
  app.decorate('publicUrl', options.publicUrl ?? 'http://127.0.0.1:3000');
  app.decorate('includeDemo', options.includeDemo);
  await app.register(fastifySensible);
  registerErrorHandler(app);
  const spa = options.staticDir && existsSync(join(options.staticDir, 'index.html')) ? options.staticDir : null;
  // The SPA's scripts and the larger answers shrink about fourfold; phones on slow links notice.
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await registerSecurityHeaders(app, spa);
  await app.register(authPlugin, { sessions: options.sessions ?? DEFAULT_SESSIONS, demo: options.includeDemo });
  registerSafeText(app);
  await registerApiDocs(app);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(demoAccountRoutes, { demoShown: options.includeDemo });
      await api.register(userRoutes);
      await api.register(auditRoutes);
      await api.register(overviewRoutes);
      await api.register(catalogueRoutes);
      await api.register(observationRoutes);
      await api.register(importRoutes);
      await api.register(exportRoutes);
      await api.register(annotationRoutes);
      await api.register(seriesRoutes);
      await api.register(assessmentRoutes);
      await api.register(warningRoutes);
      await api.register(sourceRoutes);
      await api.register(digestRoutes);
      await api.register(briefingRoutes);
    },
    { prefix: '/api' }
  );

  if (options.schedule) await app.register(schedulePlugin, options.schedule);

  if (spa) await app.register(spaFiles(spa));
  const shell = spa ? readFileSync(join(spa, 'index.html'), 'utf8') : null;
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes (/indicators/x, …) all answer with the SPA's shell; nothing else does.
    if (shell && request.method === 'GET' && isPagePath(request.url))
      return reply.type('text/html; charset=utf-8').send(shell);
    return reply
      .code(404)
      .send({ message: `${request.method} ${request.url.split('?')[0]} does not exist` } satisfies ErrorBody);
  });
  return app;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** The built SPA's files, one route each, declared public: they hold no data, the API does. */
function spaFiles(root: string) {
  return async (files: FastifyInstance<RawServerDefault>) => {
    files.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await files.register(fastifyStatic, {
      root,
      wildcard: false,
      // The build writes .br and .gz beside each file: served as they are, nothing is compressed per request.
      preCompressed: true
    });
    // Hashed names change with their content, so browsers may keep them for good.
    files.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/_app/immutable/') && reply.statusCode === 200) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
    });
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;
