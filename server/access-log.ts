import type { FastifyInstance } from 'fastify';

/**
 * One access line per request, at `debug`: at the default `info` level the log holds warnings and
 * errors only, not traffic (Fastify's own pair of request lines is turned off in buildApp). The path
 * is logged without its query: an unsubscribe link's token is a credential.
 */
export function registerAccessLog(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    const { method, url } = request;
    request.log.debug(
      { method, path: url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request'
    );
  });
}
