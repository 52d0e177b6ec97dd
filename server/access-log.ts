import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's request lines, reshaped: one access line per request at `debug` instead of two at
 * `info`, so the default `info` log holds jobs, warnings and errors rather than traffic. The path
 * is logged without its query: an unsubscribe link's token is a credential.
 */
export class AccessLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime)
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else request.log.debug(line, 'request');
  }

  /** An unknown path is traffic too (scanners probe constantly); the 404 answer says the rest. */
  override routeNotFound(request: FastifyRequest) {
    request.log.debug({ method: request.method, path: request.url.split('?')[0] }, 'no such route');
  }
}
